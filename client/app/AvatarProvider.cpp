#include "AvatarProvider.h"

#include "contacts/Profiles.h"

#include <QtGui/QPainter>
#include <QtGui/QPainterPath>

namespace Parley {

AvatarProvider::AvatarProvider(const Profiles *profiles)
    : QQuickImageProvider(QQuickImageProvider::Image),
      m_profiles(profiles)
{
}

QImage AvatarProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    // No picture (or not yet known) is a null image: the avatar keeps its letter.
    bool ok = false;
    const qint64 userId = id.section(u'?', 0, 0).toLongLong(&ok);
    QImage image = ok ? m_profiles->pictureOf(userId) : QImage();
    if (size)
        *size = image.size();
    if (image.isNull())
        return image;
    if (requestedSize.isValid() && !requestedSize.isEmpty())
        image = image.scaled(requestedSize, Qt::KeepAspectRatioByExpanding,
                             Qt::SmoothTransformation);
    // Cut round here, so that QML needs no shader effect: outside the circle is transparent.
    const int side = std::min(image.width(), image.height());
    QImage round(side, side, QImage::Format_ARGB32_Premultiplied);
    round.fill(Qt::transparent);
    {
        QPainter painter(&round);
        painter.setRenderHint(QPainter::Antialiasing);
        QPainterPath circle;
        circle.addEllipse(0, 0, side, side);
        painter.setClipPath(circle);
        painter.drawImage(0, 0, image, (image.width() - side) / 2, (image.height() - side) / 2,
                          side, side);
    }
    if (size)
        *size = round.size();
    return round;
}

} // namespace Parley
