#pragma once

/// Draws image://avatar/<userId>?v=<version>: the profile pictures people gave themselves
/// (Profiles), so QML shows them without touching message content or storage. The version only
/// makes each picture's address new. image://avatar/preview/<percent-encoded file URL> shows
/// an image file as it would become a profile picture (Settings' preview before saving).

#include <QtQuick/QQuickImageProvider>

namespace Parley {

class Profiles;

class AvatarProvider : public QQuickImageProvider
{
public:
    explicit AvatarProvider(const Profiles *profiles);
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;

private:
    const Profiles *m_profiles;
};

} // namespace Parley
