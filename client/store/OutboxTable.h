#pragma once

/// The outbox as the cache keeps it: what this device wrote and the server has not
/// acknowledged yet, with its state. Runs on the cache's thread.

#include "StoreTypes.h"

class QSqlDatabase;

namespace Parley {

class OutboxTable
{
public:
    explicit OutboxTable(QSqlDatabase &db) : m_db(db) { }

    void add(const OutboxEntry &entry);
    /// Every entry, oldest first.
    QList<OutboxEntry> entries();
    void setBody(const QByteArray &clientId, const QByteArray &body);
    void setState(const QByteArray &clientId, OutboxState state, const QString &failureReason);
    /// The user discarded the entry: it is never sent.
    void remove(const QByteArray &clientId);

private:
    QSqlDatabase &m_db;
};

} // namespace Parley
