import { openMemoryStores } from '../../server/src/storage/memory/memory-stores';
import { storeContracts } from './store-contracts';

storeContracts('memory', async () => ({ stores: openMemoryStores(), cleanup: async () => {} }));
