import { Injectable } from '@nestjs/common';
import {
  decodePortalCursor,
  encodePortalCursor,
  PORTAL_FEED_START,
  type PortalChangesPage,
} from '@motcua/contracts';
import { PortalChangeRepository, toPortalChange } from './portal-change.repository';

/** `GET /portal/changes`: one page of the feed after a cursor. */
@Injectable()
export class PortalChangesService {
  constructor(private readonly changes: PortalChangeRepository) {}

  async page(after: string | undefined, limit: number, since?: string): Promise<PortalChangesPage> {
    const cursor = since ? await this.cursorBefore(since) : (after ?? PORTAL_FEED_START);
    // One more than asked tells whether more wait.
    const changes = (await this.changes.read(decodePortalCursor(cursor), limit + 1)).map(
      toPortalChange,
    );
    const page = changes.slice(0, limit);
    return {
      changes: page,
      nextCursor: page.length > 0 ? page[page.length - 1].cursor : cursor,
      hasMore: changes.length > limit,
    };
  }

  /**
   * The cursor just before the first change (in feed order) made at or after `since`; the feed's
   * present when none was. A change of a transaction that began before `since` may follow it:
   * latest-wins by sequence makes that harmless.
   */
  private async cursorBefore(since: string): Promise<string> {
    const first = await this.changes.firstSince(since);
    // None yet: the feed's present, as a webhook registered `from: now` starts (later commits follow it).
    return encodePortalCursor(
      first ? { txid: first.txid, position: first.position - 1n } : await this.changes.present(),
    );
  }
}
