package com.syncledger.app.connections;

import com.syncledger.connectors.PlatformAuthorization.ReachableAccount;
import java.util.List;
import java.util.Optional;

/**
 * A connection just made, with the ad accounts its token reaches and the store the authorization was started
 * for, if any (offered first when linking).
 */
public record Connected(Connection connection, List<ReachableAccount> accounts, Optional<Long> storeId) {

    public Connected {
        accounts = List.copyOf(accounts);
    }
}
