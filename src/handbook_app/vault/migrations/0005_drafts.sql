-- Schema version 5: drafts of forms that were open when the vault locked (auto-lock, quick exit, closing the
-- app) and could not be saved as records yet. Kept inside the encrypted vault, offered back after unlock,
-- deleted once used or discarded. Not records: no audit entries.
CREATE TABLE draft (
    "id" INTEGER PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "record_id" INTEGER,
    "title" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "saved_at" TEXT NOT NULL
);
