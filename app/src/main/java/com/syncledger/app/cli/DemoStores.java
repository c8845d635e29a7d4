package com.syncledger.app.cli;

import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.app.ledger.Store;
import com.syncledger.app.ledger.StoreInput;
import com.syncledger.app.ledger.Stores;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.sandbox.DemoData;
import com.syncledger.sandbox.DemoData.DemoAccount;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationContext;

/**
 * The demo's two stores, Northwind (USD) and Alpine (EUR), each with one sandbox account on every platform.
 * Created on the first demo run and found again on later ones.
 */
final class DemoStores {

    private static final List<StoreInput> STORES = List.of(
            new StoreInput("Northwind (demo)", "America/New_York", "USD"),
            new StoreInput("Alpine (demo)", "Europe/Berlin", "EUR"));

    private DemoStores() {
    }

    static List<Store> ensure(ApplicationContext context) {
        Stores stores = context.getBean(Stores.class);
        AdAccounts accounts = context.getBean(AdAccounts.class);
        List<Store> existing = stores.list(0, 1000);
        List<Store> result = new ArrayList<>();
        for (int i = 0; i < STORES.size(); i++) {
            StoreInput wanted = STORES.get(i);
            var found = existing.stream().filter(s -> s.name().equals(wanted.name())).findFirst();
            if (found.isPresent()) {
                result.add(found.get());
                continue;
            }
            Store store = stores.create(wanted);
            // DemoData lists each platform's accounts in store order: the first for Northwind, the second for Alpine.
            int index = i;
            for (Platform platform : Platform.values()) {
                List<DemoAccount> ofPlatform = DemoData.ACCOUNTS.stream()
                        .filter(a -> a.platform().equals(platform.slug())).toList();
                accounts.link(store.id(), AccountId.of(platform, ofPlatform.get(index).id()));
            }
            result.add(store);
        }
        return result;
    }
}
