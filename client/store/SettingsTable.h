#pragma once

/// The profile's settings in the cache (not secrets: those live in the keychain), and the one
/// statement that forgets an account's data. Runs on the cache's thread.

#include <QtCore/QVariant>

class QSqlDatabase;

namespace Parley {

class SettingsTable
{
public:
    explicit SettingsTable(QSqlDatabase &db) : m_db(db) { }

    QVariant value(const QString &key);
    void setValue(const QString &key, const QVariant &value);
    void remove(const QString &key);
    /// Every setting whose key starts with `prefix`, keyed by the rest of the key.
    QVariantMap withPrefix(const QString &prefix);

    /// Deletes every conversation, message, cursor, outbox entry and setting except those
    /// whose key starts with "pin/", in one transaction.
    void wipeAccountData();

private:
    QSqlDatabase &m_db;
};

} // namespace Parley
