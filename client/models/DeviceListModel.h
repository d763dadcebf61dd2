#pragma once

/// The account's logged-in devices (Settings → Devices), newest first.

#include "model/Account.h"

#include <QtCore/QAbstractListModel>
#include <QtQmlIntegration/qqmlintegration.h>

namespace Parley {

class DeviceListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("DeviceListModel comes from Client.devices")

public:
    enum Role {
        DeviceIdRole = Qt::UserRole + 1,
        NameRole,
        CreatedAtRole,
        LastSeenRole,
        IsCurrentRole,
    };
    Q_ENUM(Role)

    explicit DeviceListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setDevices(QList<Device> devices);

private:
    QList<Device> m_rows;
};

} // namespace Parley
