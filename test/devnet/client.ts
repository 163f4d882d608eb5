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
 * each after the previous one's receipt, and checks every receipt.
 */
export async function sendInOrder(
  client: DevnetClient,
  from: Address,
  firstNonce: number,
  txs: readonly DevnetTx[],
): Promise<TransactionReceipt[]> {
  const receipts: TransactionReceipt[] = [];
  // One at a time, each mined before the next is sent: anvil's automine can skip transactions that
  // arrive out of nonce order (foundry-rs/foundry#10122), and on a busy machine it can put two quick
  // sends in one block, which moves the block numbers the devnet manifests name as constants.
  for (const [i, tx] of txs.entries()) {
    const nonce = firstNonce + i;
    const hash = await client
      .sendTransaction({ account: from, chain: null, to: tx.to ?? null, data: tx.data, value: tx.value, gas: GAS_LIMIT, nonce })
      .catch((cause: unknown) => {
        throw new Error(`Devnet: "${tx.label}" (nonce ${nonce}) was rejected`, { cause });
      });
    const receipt = await receiptOf(client, hash);
    if (receipt.status !== 'success') throw new Error(`Devnet: "${tx.label}" (nonce ${nonce}) reverted`);
    receipts.push(receipt);
  }
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
