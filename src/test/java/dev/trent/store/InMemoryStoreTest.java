package dev.trent.store;

class InMemoryStoreTest extends StoreContractTest {
    @Override
    Store open() {
        return Stores.open(StoreSettings.MEMORY);
    }
}
