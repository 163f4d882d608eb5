import {
  createTestClient,
  http,
  publicActions,
  walletActions,
  TransactionReceiptNotFoundError,
  type Address,
  type Hash,
  type Hex,
  type TransactionReceipt,
} from 'viem';

/** One viem client for anvil controls, reads and unlocked-account writes; concurrent calls share one HTTP batch. */
export function devnetClient(rpcUrl: string) {
  return createTestClient({ mode: 'anvil', transport: http(rpcUrl, { batch: { batchSize: 1_000 } }) })
    .extend(publicActions)
    .extend(walletActions);
}

export type DevnetClient = ReturnType<typeof devnetClient>;

export interface DevnetTx {
  label: string;
  to?: Address;
  data: Hex;
  value?: bigint;
}

// Explicit gas skips estimation, which runs against the latest block: automine may not have mined
// the previous send yet, so a call into the contract it creates would fail. Gas is charged as used.
const GAS_LIMIT = 8_000_000n;

/**
 * Sends `txs` from an account anvil keeps unlocked, with consecutive nonces from `firstNonce`,
 * then checks every receipt (fetched in one HTTP batch).
 */
export async function sendInOrder(
  client: DevnetClient,
  from: Address,
  firstNonce: number,
  txs: readonly DevnetTx[],
): Promise<TransactionReceipt[]> {
  const hashes: Hash[] = [];
  // One at a time: anvil's automine can skip transactions that arrive out of nonce order
  // (foundry-rs/foundry#10122), which concurrent sends in one batch do. Sends cost ~1 ms each.
  for (const [i, tx] of txs.entries()) {
    const nonce = firstNonce + i;
    const hash = await client
      .sendTransaction({ account: from, chain: null, to: tx.to ?? null, data: tx.data, value: tx.value, gas: GAS_LIMIT, nonce })
      .catch((cause: unknown) => {
        throw new Error(`Devnet: "${tx.label}" (nonce ${nonce}) was rejected`, { cause });
      });
    hashes.push(hash);
  }
  const receipts = await Promise.all(hashes.map((hash) => receiptOf(client, hash)));
  receipts.forEach((r, i) => {
    if (r.status !== 'success') throw new Error(`Devnet: "${txs[i]?.label}" (nonce ${firstNonce + i}) reverted`);
  });
  return receipts;
}

async function receiptOf(client: DevnetClient, hash: Hash): Promise<TransactionReceipt> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      return await client.getTransactionReceipt({ hash });
    } catch (error) {
      // Automine runs right after the send returns; a receipt can lag by a few milliseconds.
      if (!(error instanceof TransactionReceiptNotFoundError) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}
