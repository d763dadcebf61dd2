#pragma once

/// The profiles (display name, picture) the cache keeps, the newest version per user, and which
/// version of my own each conversation was sent last. Runs on the cache's thread.

#include "StoreTypes.h"

#include <QtCore/QHash>
#include <QtCore/QList>

class QSqlDatabase;

namespace Parley {

class ProfileTable
{
public:
    explicit ProfileTable(QSqlDatabase &db) : m_db(db) { }

    /// Keeps `profile` if it is newer than the one kept for its user; true if it was.
    bool offer(const StoredProfile &profile);
    /// The profiles of `userIds` (every kept one when empty).
    QList<StoredProfile> profiles(const QList<qint64> &userIds = {});

    /// The version of my profile each conversation was last sent (conversations never sent one
    /// are left out).
    QHash<qint64, qint64> sentVersions();
    void setSentVersion(qint64 conversationId, qint64 version);

private:
    QSqlDatabase &m_db;
};

} // namespace Parley
