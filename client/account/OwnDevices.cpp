#include "OwnDevices.h"

#include "models/DeviceListModel.h"
#include "net/Connection.h"
#include "net/PushDispatcher.h"
#include "protocol/Frames.h"
#include "store/MessageStore.h"

namespace Parley {

using namespace Qt::StringLiterals;

OwnDevices::OwnDevices(Connection *connection, PushDispatcher *pushes, MessageStore *store,
                       DeviceListModel *model, QObject *parent)
    : QObject(parent),
      m_connection(connection),
      m_store(store),
      m_model(model)
{
    pushes->route(this, &OwnDevices::pushed);
}

void OwnDevices::refresh()
{
    const quint64 generation = m_generation;
    m_connection->request(ListDevicesFrame{})
            .then(this, [this, generation](const Result<RawFrame> &reply) {
                if (generation != m_generation)
                    return;
                auto list = reply ? FrameCodec::read<DeviceListFrame>(*reply)
                                  : Result<DeviceListFrame>(reply.error());
                if (!list) {
                    Q_EMIT failed(list.error());
                    return;
                }
                apply(list->devices);
            });
}

void OwnDevices::pushed(const DeviceListFrame &frame)
{
    apply(frame.devices);
}

void OwnDevices::apply(const QList<Device> &devices)
{
    m_model->setDevices(devices);
    if (!m_knownLoaded) {
        // The first list of a session: what this device showed before comes from the cache.
        const quint64 generation = m_generation;
        m_store->setting(knownSetting()).then(this, [this, devices, generation](const QVariant &v) {
            if (generation != m_generation)
                return;
            m_knownLoaded = true;
            m_hasKnown = v.isValid();
            const QStringList ids = v.toString().split(u',', Qt::SkipEmptyParts);
            for (const QString &id : ids)
                m_known.insert(id.toLongLong());
            apply(devices);
        });
        return;
    }
    QList<Device> fresh;
    QSet<qint64> listed;
    for (const Device &d : devices) {
        listed.insert(d.deviceId);
        // A first list is all known: a new device has nobody to tell about the others.
        if (!d.current && m_hasKnown && !m_known.contains(d.deviceId))
            fresh.append(d);
    }
    std::sort(fresh.begin(), fresh.end(),
              [](const Device &a, const Device &b) { return a.createdAt < b.createdAt; });
    // Revoked devices leave the known set; unseen new ones wait for acknowledge().
    QSet<qint64> known;
    for (qint64 id : std::as_const(listed)) {
        if (m_known.contains(id) || !m_hasKnown)
            known.insert(id);
    }
    for (const Device &d : devices) {
        if (d.current)
            known.insert(d.deviceId);
    }
    const bool knownChanged = known != m_known || !m_hasKnown;
    m_known = known;
    m_hasKnown = true;
    if (knownChanged)
        saveKnown();
    if (fresh != m_new) {
        m_new = fresh;
        Q_EMIT newDevicesChanged();
    }
}

QVariantList OwnDevices::newDevices() const
{
    QVariantList list;
    for (const Device &d : m_new)
        list.append(QVariantMap{
                {u"deviceId"_s, d.deviceId}, {u"name"_s, d.name}, {u"createdAt"_s, d.createdAt}});
    return list;
}

void OwnDevices::acknowledge()
{
    if (m_new.isEmpty())
        return;
    for (const Device &d : std::as_const(m_new))
        m_known.insert(d.deviceId);
    m_new.clear();
    saveKnown();
    Q_EMIT newDevicesChanged();
}

void OwnDevices::reset()
{
    ++m_generation;
    m_known.clear();
    m_knownLoaded = false;
    m_hasKnown = false;
    if (!m_new.isEmpty()) {
        m_new.clear();
        Q_EMIT newDevicesChanged();
    }
}

void OwnDevices::saveKnown()
{
    QList<qint64> sorted(m_known.cbegin(), m_known.cend());
    std::sort(sorted.begin(), sorted.end());
    QStringList ids;
    for (qint64 id : sorted)
        ids.append(QString::number(id));
    m_store->setSetting(knownSetting(), ids.join(u','));
}

} // namespace Parley
