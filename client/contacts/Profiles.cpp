#include "Profiles.h"

#include "content/ProfilePicture.h"
#include "store/MessageStore.h"

namespace Parley {

using namespace Qt::StringLiterals;

Profiles::Profiles(MessageStore *store, QObject *parent) : QObject(parent), m_store(store)
{
    connect(m_store, &MessageStore::profilesChanged, this, [this](const QList<qint64> &userIds) {
        const quint64 generation = m_generation;
        m_store->profiles(userIds).then(this,
                                        [this, generation](const QList<StoredProfile> &profiles) {
                                            if (generation == m_generation)
                                                apply(profiles);
                                        });
    });
}

void Profiles::load()
{
    const quint64 generation = m_generation;
    m_store->profiles().then(this, [this, generation](const QList<StoredProfile> &profiles) {
        if (generation == m_generation)
            apply(profiles);
    });
}

void Profiles::clear()
{
    ++m_generation;
    const QList<qint64> ids = m_profiles.keys();
    m_profiles.clear();
    {
        QWriteLocker lock(&m_picturesLock);
        m_pictures.clear();
    }
    for (const qint64 id : ids)
        Q_EMIT changed(id);
}

void Profiles::apply(const QList<StoredProfile> &profiles)
{
    for (const StoredProfile &p : profiles) {
        const auto known = m_profiles.constFind(p.userId);
        if (known != m_profiles.cend() && known->version >= p.version)
            continue;
        m_profiles.insert(p.userId, p);
        // A picture that does not decode is no picture: the letter shows.
        const QImage picture = ProfilePicture::decode(p.picture);
        {
            QWriteLocker lock(&m_picturesLock);
            if (picture.isNull())
                m_pictures.remove(p.userId);
            else
                m_pictures.insert(p.userId, picture);
        }
        Q_EMIT changed(p.userId);
    }
}

QString Profiles::displayNameOf(qint64 userId) const
{
    return m_profiles.value(userId).displayName;
}

QImage Profiles::pictureOf(qint64 userId) const
{
    QReadLocker lock(&m_picturesLock);
    return m_pictures.value(userId);
}

QString Profiles::avatarSourceOf(qint64 userId) const
{
    {
        QReadLocker lock(&m_picturesLock);
        if (!m_pictures.contains(userId))
            return {};
    }
    return u"image://avatar/%1?v=%2"_s.arg(userId).arg(versionOf(userId));
}

qint64 Profiles::versionOf(qint64 userId) const
{
    return m_profiles.value(userId).version;
}

StoredProfile Profiles::profileOf(qint64 userId) const
{
    return m_profiles.value(userId);
}

} // namespace Parley
