#pragma once

/// Uploads in progress as the cache keeps them (PendingUpload), so that one cut short by quitting
/// goes on after the next start. Runs on the cache's thread.

#include "StoreTypes.h"

class QSqlDatabase;

namespace Parley {

class UploadTable
{
public:
    explicit UploadTable(QSqlDatabase &db) : m_db(db) { }

    /// Adds the upload, or replaces the one with its client id.
    void save(const PendingUpload &upload);
    /// Every upload whose file message is neither in the outbox nor in the log yet, oldest
    /// first. The others are done (the app stopped between queuing the message and forgetting
    /// the upload) and are dropped here.
    QList<PendingUpload> entries();
    void remove(const QByteArray &clientId);

private:
    QSqlDatabase &m_db;
};

} // namespace Parley
