// Client: the user's privacy choice for "last seen" (LastSeenPrivacy does the work).
#include "Client.h"

#include "contacts/LastSeenPrivacy.h"

namespace Parley {

bool Client::showLastSeen() const
{
    return m_lastSeenPrivacy->showsLastSeen();
}

void Client::setShowLastSeen(bool shows)
{
    m_lastSeenPrivacy->setShowsLastSeen(shows);
}

bool Client::canChangeShowLastSeen() const
{
    return m_account->isLoggedIn() && m_lastSeenPrivacy->canChange();
}

} // namespace Parley
