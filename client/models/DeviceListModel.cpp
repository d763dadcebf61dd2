#include "DeviceListModel.h"

#include "RowSync_p.h"

#include <QtCore/QDateTime>

namespace Parley {

DeviceListModel::DeviceListModel(QObject *parent) : QAbstractListModel(parent) { }

int DeviceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> DeviceListModel::roleNames() const
{
    return {{DeviceIdRole, "deviceId"},
            {NameRole, "name"},
            {CreatedAtRole, "createdAt"},
            {LastSeenRole, "lastSeen"},
            {IsCurrentRole, "isCurrent"}};
}

QVariant DeviceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Device &d = m_rows.at(index.row());
    switch (role) {
    case DeviceIdRole:
        return d.deviceId;
    case Qt::DisplayRole:
    case NameRole:
        return d.name;
    case CreatedAtRole:
        return QDateTime::fromMSecsSinceEpoch(d.createdAt);
    case LastSeenRole:
        return d.lastSeenAt > 0 ? QDateTime::fromMSecsSinceEpoch(d.lastSeenAt) : QDateTime();
    case IsCurrentRole:
        return d.current;
    default:
        return {};
    }
}

void DeviceListModel::setDevices(QList<Device> devices)
{
    std::stable_sort(devices.begin(), devices.end(), [](const Device &a, const Device &b) {
        if (a.current != b.current)
            return a.current;
        return a.createdAt > b.createdAt;
    });
    RowSignals signals_{
            [this](int f, int l) { beginRemoveRows({}, f, l); },
            [this] { endRemoveRows(); },
            [this](int f, int l) { beginInsertRows({}, f, l); },
            [this] { endInsertRows(); },
            [this](int from, int to) { beginMoveRows({}, from, from, {}, to); },
            [this] { endMoveRows(); },
            [this](int row, const QList<int> &roles) {
                Q_EMIT dataChanged(index(row), index(row), roles);
            },
    };
    syncRows(
            m_rows, devices, [](const Device &d) { return d.deviceId; },
            [](const Device &a, const Device &b) {
                QList<int> roles;
                if (a.name != b.name)
                    roles << NameRole;
                if (a.createdAt != b.createdAt)
                    roles << CreatedAtRole;
                if (a.lastSeenAt != b.lastSeenAt)
                    roles << LastSeenRole;
                if (a.current != b.current)
                    roles << IsCurrentRole;
                return roles;
            },
            signals_);
}

} // namespace Parley
