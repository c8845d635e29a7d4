package com.syncledger.connectors.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.connectors.Connectors;
import com.syncledger.connectors.PlatformFactory;
import org.junit.jupiter.api.Test;

/**
 * A connector without a contract test fails the build. Each factory {@code <Name>Factory} has its
 * {@code <Name>ConnectorContractTest} beside it, in the platform's package.
 */
class AllConnectorsHaveContractTests {

    @Test
    void everyImplementedConnectorExtendsTheContractSuite() {
        for (PlatformFactory factory : Connectors.FACTORIES) {
            String name = factory.getClass().getName().replaceFirst("Factory$", "ConnectorContractTest");
            Class<?> test;
            try {
                test = Class.forName(name);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(factory.platform().displayName() + " has a connector but no contract test "
                        + name);
            }
            assertThat(SpendConnectorContractTest.class).isAssignableFrom(test);
        }
    }

    @Test
    void everyFactoryHasAnAuthorizationContractTest() {
        for (PlatformFactory factory : Connectors.FACTORIES) {
            String name = factory.getClass().getName().replaceFirst("Factory$", "AuthorizationContractTest");
            Class<?> test;
            try {
                test = Class.forName(name);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(factory.platform().displayName() + " has no authorization contract test "
                        + name);
            }
            assertThat(PlatformAuthorizationContractTest.class).isAssignableFrom(test);
        }
    }

    @Test
    void everyFactoryNamesItsSecretsAmongItsVariables() {
        for (PlatformFactory factory : Connectors.FACTORIES) {
            assertThat(factory.getClass().getPackageName()).endsWith("." + factory.platform().slug());
            assertThat(factory.secretVariables()).isNotEmpty().allSatisfy(secret ->
                    assertThat(String.join(" ", factory.variables())).contains(secret));
        }
    }
}
