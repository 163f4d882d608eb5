// Pending income: Uniswap merkle-distributor rounds. Pure; the background wires the I/O.
export { merkleDistributorAbi } from './abis';
export { buildClaimCall, type ContractCall } from './buildClaimCall';
export {
  claimsFileHash,
  lookupCachedClaim,
  lookupClaim,
  memoryClaimsCache,
  type CachedClaimLookup,
  type ClaimsCacheStore,
} from './claimsCache';
export {
  CLAIMS_FILE_FETCH_TIMEOUT_MS,
  MAX_CLAIMS_FILE_BYTES,
  claimsFileSchema,
  parseClaimsFile,
  type ClaimsFile,
  type ParsedClaimsFile,
} from './claimsFile';
export { planDistributionReads, type DistributionReading, type DistributionRoundInput } from './distributionReads';
export { ClaimProofError, ClaimsFileError, IncomeError } from './errors';
export { findClaim, type Claim } from './findClaim';
export { findClaimInText, scanClaimsFile, type ScannedClaimsFile } from './scanClaimsFile';
export { claimLeaf, hashPair, processProof } from './merkle';
export { combinePlans, outcomeValue, runReadPlan, type ContractRead, type ReadOutcome, type ReadPlan } from '../../chain/readPlan';
export { roundState, type RoundState } from './roundState';
export { assertClaimProof, verifyClaimProof, type VerifiedClaim } from './verifyClaimProof';
export {
  buildClaimAllCall,
  claimCalls,
  decodeClaimAllResult,
  multicall3WriteAbi,
  revertReason,
  totalsByToken,
  type BatchRound,
  type CallOutcome,
  type TokenTotal,
} from './claimAllBatch';
export { claimableByChain, type ChainClaimable } from './claimableByChain';
