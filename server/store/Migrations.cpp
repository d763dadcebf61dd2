#include "Migrations.h"

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

// {pk}: an auto-increment 64-bit primary key; {blob}: a byte string column.
const char *const Version1[] = {
        R"(CREATE TABLE users (
        id {pk},
        username TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL,
        last_seen_at BIGINT NOT NULL DEFAULT 0))",
        R"(CREATE TABLE devices (
        id {pk},
        user_id BIGINT NOT NULL REFERENCES users(id),
        name TEXT NOT NULL,
        token_hash {blob} NOT NULL UNIQUE,
        created_at BIGINT NOT NULL,
        last_seen_at BIGINT NOT NULL DEFAULT 0,
        revoked_at BIGINT))",
        "CREATE INDEX devices_user ON devices(user_id)",
        R"(CREATE TABLE conversations (
        id {pk},
        kind SMALLINT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        created_at BIGINT NOT NULL,
        last_seq BIGINT NOT NULL DEFAULT 0))",
        R"(CREATE TABLE direct_pairs (
        user_low BIGINT NOT NULL REFERENCES users(id),
        user_high BIGINT NOT NULL REFERENCES users(id),
        conversation_id BIGINT NOT NULL UNIQUE REFERENCES conversations(id),
        PRIMARY KEY (user_low, user_high)))",
        R"(CREATE TABLE members (
        conversation_id BIGINT NOT NULL REFERENCES conversations(id),
        user_id BIGINT NOT NULL REFERENCES users(id),
        role SMALLINT NOT NULL,
        joined_at BIGINT NOT NULL,
        read_up_to BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (conversation_id, user_id)))",
        "CREATE INDEX members_user ON members(user_id)",
        R"(CREATE TABLE messages (
        conversation_id BIGINT NOT NULL REFERENCES conversations(id),
        seq BIGINT NOT NULL,
        sender_user_id BIGINT NOT NULL,
        sender_device_id BIGINT NOT NULL,
        client_id {blob},
        server_time BIGINT NOT NULL,
        kind SMALLINT NOT NULL,
        body {blob} NOT NULL,
        PRIMARY KEY (conversation_id, seq)))",
        R"(CREATE UNIQUE INDEX messages_client_id ON messages(sender_device_id, client_id)
        WHERE client_id IS NOT NULL)",
        R"(CREATE TABLE device_receipts (
        conversation_id BIGINT NOT NULL REFERENCES conversations(id),
        device_id BIGINT NOT NULL REFERENCES devices(id),
        delivered_up_to BIGINT NOT NULL,
        PRIMARY KEY (conversation_id, device_id)))",
};

// Blocks, the device inbox and pre-key bundles.
const char *const Version2[] = {
        R"(CREATE TABLE blocks (
        user_id BIGINT NOT NULL REFERENCES users(id),
        blocked_user_id BIGINT NOT NULL REFERENCES users(id),
        PRIMARY KEY (user_id, blocked_user_id)))",
        R"(CREATE TABLE inbox (
        id {pk},
        device_id BIGINT NOT NULL REFERENCES devices(id),
        from_user_id BIGINT NOT NULL,
        from_device_id BIGINT NOT NULL,
        server_time BIGINT NOT NULL,
        body {blob} NOT NULL))",
        "CREATE INDEX inbox_device ON inbox(device_id, id)",
        "ALTER TABLE devices ADD COLUMN registration_id BIGINT",
        "ALTER TABLE devices ADD COLUMN identity_key {blob}",
        "ALTER TABLE devices ADD COLUMN signed_prekey_id BIGINT",
        "ALTER TABLE devices ADD COLUMN signed_prekey {blob}",
        "ALTER TABLE devices ADD COLUMN signed_prekey_signature {blob}",
        R"(CREATE TABLE prekeys (
        device_id BIGINT NOT NULL REFERENCES devices(id),
        key_id BIGINT NOT NULL,
        public_key {blob} NOT NULL,
        PRIMARY KEY (device_id, key_id)))",
};

// When a member got their current role: the oldest admin inherits a group's ownership.
const char *const Version3[] = {
        "ALTER TABLE members ADD COLUMN role_since BIGINT NOT NULL DEFAULT 0",
        "UPDATE members SET role_since = joined_at",
};

// Attachments: one row per upload; `attachment_id` and `finished_at` are set when it is
// finished. The blobs themselves are files in the data folder (docs/server.md, "Attachments").
const char *const Version4[] = {
        R"(CREATE TABLE attachments (
        upload_id {blob} NOT NULL PRIMARY KEY,
        attachment_id {blob} UNIQUE,
        user_id BIGINT NOT NULL REFERENCES users(id),
        conversation_id BIGINT NOT NULL REFERENCES conversations(id),
        size BIGINT NOT NULL,
        created_at BIGINT NOT NULL,
        finished_at BIGINT))",
        "CREATE INDEX attachments_unfinished ON attachments(created_at) WHERE finished_at IS NULL",
};

// The running server finds devices that the admin commands revoked (another process) by
// polling for recent revocations: an index on the few revoked rows keeps that cheap. The
// attachment quota sums a user's attachments, and retention deletes finished ones by age.
const char *const Version5[] = {
        "CREATE INDEX devices_revoked ON devices(revoked_at) WHERE revoked_at IS NOT NULL",
        "CREATE INDEX attachments_user ON attachments(user_id)",
        "CREATE INDEX attachments_finished ON attachments(finished_at) WHERE finished_at IS NOT "
        "NULL",
};

// Abuse reports, with the plaintext the reporter disclosed for each reported message (the log
// has only ciphertext). Reports by one reporter are counted per hour (`report-rate`).
const char *const Version6[] = {
        R"(CREATE TABLE reports (
        id {pk},
        reporter_user_id BIGINT NOT NULL REFERENCES users(id),
        reported_user_id BIGINT NOT NULL REFERENCES users(id),
        conversation_id BIGINT REFERENCES conversations(id),
        reason TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT '',
        created_at BIGINT NOT NULL,
        resolved_at BIGINT,
        resolved_by TEXT,
        resolution_note TEXT))",
        "CREATE INDEX reports_reporter ON reports(reporter_user_id, created_at)",
        "CREATE INDEX reports_open ON reports(id) WHERE resolved_at IS NULL",
        R"(CREATE TABLE report_messages (
        report_id BIGINT NOT NULL REFERENCES reports(id),
        seq BIGINT NOT NULL,
        sender_user_id BIGINT NOT NULL,
        server_time BIGINT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (report_id, seq)))",
};

// Disappearing messages: each conversation's timer, and when each entry stops being served
// (NULL: never). The sweep deletes by expiry, and by age for the server's max-retention.
const char *const Version7[] = {
        "ALTER TABLE conversations ADD COLUMN timer_seconds BIGINT NOT NULL DEFAULT 0",
        "ALTER TABLE messages ADD COLUMN expires_at BIGINT",
        "CREATE INDEX messages_expiry ON messages(expires_at) WHERE expires_at IS NOT NULL",
        "CREATE INDEX messages_time ON messages(server_time) WHERE kind = 0",
};

// An attachment uploaded into a conversation with disappearing messages expires with them:
// `expires_at` is set when the upload is finished, and the expiry sweep deletes the blob.
const char *const Version8[] = {
        "ALTER TABLE attachments ADD COLUMN expires_at BIGINT",
        "CREATE INDEX attachments_expiry ON attachments(expires_at) WHERE expires_at IS NOT NULL",
};

// Privacy: whether the user hides when they were last seen from everyone (and then sees nobody
// else's time either); loaded with the snapshot.
const char *const Version9[] = {
        "ALTER TABLE users ADD COLUMN hide_last_seen INTEGER NOT NULL DEFAULT 0",
};

template<std::size_t N>
QStringList render(const char *const (&statements)[N], DatabaseUrl::Kind dialect)
{
    const bool pg = dialect == DatabaseUrl::Kind::Postgres;
    QStringList out;
    for (const char *s : statements) {
        QString sql = QString::fromLatin1(s);
        sql.replace("{pk}"_L1,
                    pg ? "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"_L1
                       : "INTEGER PRIMARY KEY AUTOINCREMENT"_L1);
        sql.replace("{blob}"_L1, pg ? "BYTEA"_L1 : "BLOB"_L1);
        out.append(sql);
    }
    return out;
}

} // namespace

int Migrations::latestVersion()
{
    return 9;
}

QStringList Migrations::step(int version, DatabaseUrl::Kind dialect)
{
    switch (version) {
    case 1:
        return render(Version1, dialect);
    case 2:
        return render(Version2, dialect);
    case 3:
        return render(Version3, dialect);
    case 4:
        return render(Version4, dialect);
    case 5:
        return render(Version5, dialect);
    case 6:
        return render(Version6, dialect);
    case 7:
        return render(Version7, dialect);
    case 8:
        return render(Version8, dialect);
    case 9:
        return render(Version9, dialect);
    default:
        return {};
    }
}

} // namespace Parley
