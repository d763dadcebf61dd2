#include "SystemText.h"

#include <QtCore/QCoreApplication>

namespace Parley {

namespace {

// Gives the words a translation context that lupdate sees the same way as the runtime does.
struct SystemText
{
    Q_DECLARE_TR_FUNCTIONS(Parley::SystemText)
};

} // namespace

QString membershipText(const MembershipEvent &event, const QString &actorName)
{
    const QString actor = actorName.isEmpty() ? SystemText::tr("someone") : actorName;
    const QString target =
            event.targetUsername.isEmpty() ? SystemText::tr("someone") : event.targetUsername;
    switch (event.action) {
    case MembershipEvent::Action::Created:
        if (event.title.isEmpty())
            return SystemText::tr("%1 started the conversation").arg(actor);
        return SystemText::tr("%1 created the group \u201c%2\u201d").arg(actor, event.title);
    case MembershipEvent::Action::Added:
        return SystemText::tr("%1 added %2").arg(actor, target);
    case MembershipEvent::Action::Removed:
        return SystemText::tr("%1 removed %2").arg(actor, target);
    case MembershipEvent::Action::Left:
        return SystemText::tr("%1 left").arg(event.targetUsername.isEmpty() ? actor : target);
    case MembershipEvent::Action::RoleChanged:
        return event.role == Role::Admin ? SystemText::tr("%1 made %2 an admin").arg(actor, target)
                                         : SystemText::tr("%1 made %2 a member").arg(actor, target);
    case MembershipEvent::Action::Renamed:
        return SystemText::tr("%1 renamed the group to \u201c%2\u201d").arg(actor, event.title);
    }
    return {};
}

} // namespace Parley
