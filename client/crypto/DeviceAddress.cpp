#include "DeviceAddress.h"

namespace Parley {

QString DeviceAddress::name() const
{
    return QString::number(userId);
}

QString DeviceAddress::toString() const
{
    return QString::number(userId) + QLatin1Char(':') + QString::number(deviceId);
}

} // namespace Parley
