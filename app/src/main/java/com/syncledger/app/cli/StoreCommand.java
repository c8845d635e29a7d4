package com.syncledger.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** A command about one store: the session it runs in and the store's {@code --store N}. */
abstract class StoreCommand implements Callable<Integer> {

    @Mixin Session session;
    @Mixin StoreOption store;
}
