import { mintDevToken, type MintOptions } from '@motcua/auth';
import { repoRoot } from './repo-root';

/** A bearer token signed by the local development key, as the identity provider would issue it. */
export function mintTestToken(claims: MintOptions): Promise<string> {
  return mintDevToken(repoRoot(), claims);
}
