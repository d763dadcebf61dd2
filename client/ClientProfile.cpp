// Client: my profile (display name and picture) and the names and pictures of others
// (Profiles keeps them, ProfileSharing sends mine).
#include "Client.h"

#include "account/Account.h"
#include "contacts/ProfileSharing.h"
#include "contacts/Profiles.h"
#include "content/MessageContent.h"
#include "content/ProfilePicture.h"

#include <QtCore/QUrl>

namespace Parley {

QString Client::displayName() const
{
    return m_profiles->displayNameOf(m_account->userId());
}

QString Client::avatarSource() const
{
    return m_profiles->avatarSourceOf(m_account->userId());
}

QString Client::displayNameOf(qint64 userId) const
{
    return m_profiles->displayNameOf(userId);
}

QString Client::avatarSourceOf(qint64 userId) const
{
    return m_profiles->avatarSourceOf(userId);
}

bool Client::saveProfile(const QString &displayName, const QUrl &picture, bool removePicture)
{
    if (!m_account->isLoggedIn())
        return false;
    if (displayName.trimmed().size() > MessageContent::MaxDisplayNameLength) {
        setError(Error{ErrorCode::InvalidArgument,
                       tr("A display name has at most %1 characters.")
                               .arg(MessageContent::MaxDisplayNameLength)});
        return false;
    }
    QByteArray jpeg;
    if (!picture.isEmpty()) {
        jpeg = ProfilePicture::fromFile(picture.isLocalFile() ? picture.toLocalFile()
                                                              : picture.toString());
        if (jpeg.isEmpty()) {
            setError(Error{ErrorCode::InvalidArgument,
                           tr("That picture cannot be used: choose a JPEG, PNG, GIF or WebP "
                              "image.")});
            return false;
        }
    } else if (!removePicture) {
        jpeg = m_profiles->profileOf(m_account->userId()).picture;
    }
    clearError();
    m_profileSharing->save(displayName, jpeg);
    return true;
}

} // namespace Parley
