-- Schema version 4: witnessed checkpoints (a support organisation's Ed25519 signature over the history's head)
-- and a random vault id that every signature names, so a signature cannot be moved to another vault.
CREATE TABLE checkpoint (
    "id" INTEGER PRIMARY KEY,
    "vault_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "head_hash" TEXT NOT NULL,
    "signed_at" TEXT NOT NULL,
    "organisation" TEXT NOT NULL,
    "public_key" TEXT NOT NULL,
    "signature" TEXT NOT NULL
);

INSERT OR IGNORE INTO meta(key, value) VALUES ('vault_id', lower(hex(randomblob(16))));
