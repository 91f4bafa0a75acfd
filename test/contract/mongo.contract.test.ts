import mongoose from 'mongoose';
import { randomBytes } from 'node:crypto';
import { openMongoStores } from '../../server/src/storage/mongo/mongo-stores';
import { storeContracts } from './store-contracts';

// Tests may read the environment: config.ts is the only reader for the service itself.
const uri = process.env.MONGODB_URI;

if (!uri) {
  // Not console.log: Jest drops the console output of a file whose tests are all skipped when it runs several
  // files, so the line would vanish from exactly the full runs where it matters. A direct write always shows.
  process.stdout.write('MongoDB contract suites skipped: MONGODB_URI not set\n');
  test.skip('MongoDB contract suites skipped: MONGODB_URI not set', () => {});
} else {
  // A throwaway database per test (a replica set is required: the stores use transactions).
  storeContracts('mongo', async () => {
    const dbName = `covenant_contract_${randomBytes(6).toString('hex')}`;
    const stores = await openMongoStores(uri, { dbName });
    const cleanup = async () => {
      await stores.close();
      const conn = await mongoose.createConnection(uri, { dbName }).asPromise();
      await conn.dropDatabase();
      await conn.close();
    };
    return { stores, cleanup };
  });
}
