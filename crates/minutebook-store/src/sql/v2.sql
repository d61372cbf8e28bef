-- Schema version 2: members' signing keys with revocation, and the indexes that lookups by
-- date, member and key need.

CREATE TABLE keys (
    id                  INTEGER PRIMARY KEY,
    member_id           INTEGER NOT NULL REFERENCES members (id),
    -- NULL for a key pinned from its public half only (a member who signs on their own laptop).
    encrypted_pkcs8_pem TEXT
        CHECK (encrypted_pkcs8_pem IS NULL
               OR encrypted_pkcs8_pem LIKE '-----BEGIN ENCRYPTED PRIVATE KEY-----%'),
    public_key_pem      TEXT NOT NULL
        CHECK (public_key_pem LIKE '-----BEGIN PUBLIC KEY-----%'),
    fingerprint         TEXT NOT NULL UNIQUE
        CHECK (length(fingerprint) >= 16 AND fingerprint NOT GLOB '*[^0-9a-f]*'),
    created_at          TEXT NOT NULL,
    revoked_from        TEXT
        CHECK (revoked_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
) STRICT;

-- A key's owner, fingerprint and creation never change, and a revocation is never undone.
-- (The PEM may be re-encrypted under a new passphrase.)
CREATE TRIGGER keys_fixed BEFORE UPDATE ON keys
WHEN NEW.id IS NOT OLD.id
  OR NEW.member_id IS NOT OLD.member_id
  OR NEW.fingerprint IS NOT OLD.fingerprint
  OR NEW.public_key_pem IS NOT OLD.public_key_pem
  OR NEW.created_at IS NOT OLD.created_at
  OR OLD.revoked_from IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a key''s identity and revocation cannot be changed'); END;
CREATE TRIGGER keys_no_delete BEFORE DELETE ON keys
BEGIN SELECT RAISE(ABORT, 'keys are revoked, never deleted'); END;

CREATE INDEX keys_by_member ON keys (member_id);
CREATE INDEX meetings_by_date ON meetings (date, id);
CREATE INDEX attendance_by_member ON attendance (member_id);
CREATE INDEX attestations_by_member ON attestations (member_id);
CREATE INDEX action_items_by_owner ON action_items (owner);
