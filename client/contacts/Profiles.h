#pragma once

/// The display names and pictures of the people I know, and my own: what their newest
/// `profile` content said (only theirs: the cache keeps a profile as its sender's), kept in the
/// cache and held here for the UI. pictureOf() may be called from any thread (the image
/// provider's).

#include "store/StoreTypes.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QReadWriteLock>
#include <QtGui/QImage>

namespace Parley {

class MessageStore;

class Profiles : public QObject
{
    Q_OBJECT

public:
    explicit Profiles(MessageStore *store, QObject *parent = nullptr);

    /// Reads every kept profile from the cache (after login); changed() for each.
    void load();
    /// Forgets them all (logout); changed() for each.
    void clear();

    /// The display name `userId` gave, or empty when none is known.
    QString displayNameOf(qint64 userId) const;
    /// The display name, or `username` when none is known.
    QString nameOf(qint64 userId, const QString &username) const
    {
        const QString name = displayNameOf(userId);
        return name.isEmpty() ? username : name;
    }
    /// Their picture's pixels, or a null image when none is known. Thread-safe.
    QImage pictureOf(qint64 userId) const;
    /// Their picture as QML shows it, "image://avatar/<userId>?v=<version>" (a new address for
    /// each version, so views do not keep an old one); empty when there is no picture.
    QString avatarSourceOf(qint64 userId) const;
    /// The version of their profile I know (0: none).
    qint64 versionOf(qint64 userId) const;
    /// The kept profile (userId 0 when none).
    StoredProfile profileOf(qint64 userId) const;

Q_SIGNALS:
    /// The display name or picture of `userId` changed.
    void changed(qint64 userId);

private:
    void apply(const QList<StoredProfile> &profiles);

    MessageStore *m_store;
    quint64 m_generation = 0;
    QHash<qint64, StoredProfile> m_profiles;
    mutable QReadWriteLock m_picturesLock;
    QHash<qint64, QImage> m_pictures;
};

} // namespace Parley
