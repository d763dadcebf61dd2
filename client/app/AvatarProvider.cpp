#include "AvatarProvider.h"

#include "contacts/Profiles.h"
#include "content/ProfilePicture.h"

#include <QtCore/QUrl>
#include <QtGui/QPainter>
#include <QtGui/QPainterPath>

namespace Parley {

using namespace Qt::StringLiterals;

AvatarProvider::AvatarProvider(const Profiles *profiles)
    : QQuickImageProvider(QQuickImageProvider::Image),
      m_profiles(profiles)
{
}

QImage AvatarProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    // No picture (or not yet known) is a null image: the avatar keeps its letter.
    QImage image;
    if (id.startsWith("preview/"_L1)) {
        // A file chosen in Settings, as it would be sent (and as safely read).
        const QUrl file(QUrl::fromPercentEncoding(id.mid(8).toUtf8()));
        image = ProfilePicture::decode(ProfilePicture::fromFile(file.toLocalFile()));
    } else {
        bool ok = false;
        const qint64 userId = id.section(u'?', 0, 0).toLongLong(&ok);
        image = ok ? m_profiles->pictureOf(userId) : QImage();
    }
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
