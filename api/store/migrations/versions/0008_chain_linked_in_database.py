"""On PostgreSQL the database links a transaction's rows into the chain in one call.

Appending took three round trips under the chain's lock (take the lock, read the head,
insert the links) and then the commit. Under load every round trip waits for the client
process to be scheduled again, so the lock was held about 3 ms per write and queued all
writers of all instances (docs/adr/0012, amendment). ``chain_link`` takes the lock, reads
the head and inserts the links in one statement; the lock is then held for that call and
the commit. The link is the same as ``api.store.chain.link_hash`` (the audit check
recomputes it in Python, so a difference is found at once), and the constants (lock key,
genesis, scheme) come from the caller.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # VOLATILE: under READ COMMITTED each statement in it takes a fresh snapshot, so the
    # head is read after the lock is held and sees the previous holder's commit.
    op.execute(
        """
        CREATE FUNCTION chain_link(
            lock_key bigint, genesis text, link_scheme integer,
            kinds text[], ids text[], contents text[]
        ) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
        DECLARE
            head_seq bigint;
            head_hash text;
            link text;
        BEGIN
            PERFORM pg_advisory_xact_lock(lock_key);
            SELECT c.seq, c.chain_hash INTO head_seq, head_hash
                FROM chain AS c ORDER BY c.seq DESC LIMIT 1;
            IF NOT FOUND THEN
                head_seq := 0;
                head_hash := genesis;
            END IF;
            FOR i IN 1 .. coalesce(array_length(kinds, 1), 0) LOOP
                head_seq := head_seq + 1;
                link := encode(sha256(convert_to(
                    link_scheme::text || '|' || head_seq::text || '|' || kinds[i] || '|'
                    || ids[i] || '|' || contents[i] || '|' || head_hash, 'UTF8')), 'hex');
                INSERT INTO chain (seq, object_type, object_id, content_sha256,
                                   previous_hash, chain_hash, scheme)
                    VALUES (head_seq, kinds[i], ids[i], contents[i], head_hash, link,
                            link_scheme);
                head_hash := link;
            END LOOP;
        END
        $$
        """
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "DROP FUNCTION IF EXISTS chain_link(bigint, text, integer, text[], text[], text[])"
        )
