/**
 * The BroadcastChannel on which the lab's worker announces each save (its
 * stamp, see worker/store.ts), so the other tabs on the same lab take it
 * (page/storage-status.ts asks its worker to follow). Both threads name it
 * from here.
 */
export const LAB_CHANNEL = 'metric-atlas-lab';
