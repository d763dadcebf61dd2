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

QString keyChangeText(ContactTrust::Change change, const QString &name, bool verificationCleared)
{
    const QString who = name.isEmpty() ? SystemText::tr("someone") : name;
    switch (change) {
    case ContactTrust::Change::DeviceAdded:
        return verificationCleared
                ? SystemText::tr("%1 added a new device. Your safety number with %1 changed, so "
                                 "%1 is no longer marked as verified.")
                          .arg(who)
                : SystemText::tr("%1 added a new device.").arg(who);
    case ContactTrust::Change::KeyReplaced:
        return verificationCleared
                ? SystemText::tr("%1's safety number changed, so %1 is no longer marked as "
                                 "verified.")
                          .arg(who)
                : SystemText::tr("%1's safety number changed.").arg(who);
    case ContactTrust::Change::DeviceRemoved:
        break;
    }
    return verificationCleared
            ? SystemText::tr("Your safety number with %1 changed, so %1 is no longer marked as "
                             "verified.")
                      .arg(who)
            : SystemText::tr("Your safety number with %1 changed.").arg(who);
}

QString membershipText(const MembershipEvent &event, const QString &actorName,
                       const QString &targetName)
{
    const QString actor = actorName.isEmpty() ? SystemText::tr("someone") : actorName;
    const QString targetShown = targetName.isEmpty() ? event.targetUsername : targetName;
    const QString target = targetShown.isEmpty() ? SystemText::tr("someone") : targetShown;
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
        return SystemText::tr("%1 left").arg(targetShown.isEmpty() ? actor : target);
    case MembershipEvent::Action::RoleChanged:
        return event.role == Role::Admin ? SystemText::tr("%1 made %2 an admin").arg(actor, target)
                                         : SystemText::tr("%1 made %2 a member").arg(actor, target);
    case MembershipEvent::Action::Renamed:
        return SystemText::tr("%1 renamed the group to \u201c%2\u201d").arg(actor, event.title);
    case MembershipEvent::Action::TimerChanged:
        if (event.timerSeconds == 0)
            return SystemText::tr("%1 turned off disappearing messages").arg(actor);
        return SystemText::tr("%1 set disappearing messages to %2")
                .arg(actor, timerText(event.timerSeconds));
    }
    return {};
}

QString timerText(qint64 seconds)
{
    // The timers a conversation can have (DisappearingTimers), each in its own words.
    switch (seconds) {
    case 0:
        return SystemText::tr("Off");
    case 5:
        return SystemText::tr("5 seconds");
    case 300:
        return SystemText::tr("5 minutes");
    case 3600:
        return SystemText::tr("1 hour");
    case 86400:
        return SystemText::tr("1 day");
    case 7 * 86400:
        return SystemText::tr("1 week");
    case 28 * 86400:
        return SystemText::tr("4 weeks");
    default:
        return SystemText::tr("%1 seconds").arg(seconds);
    }
}

} // namespace Parley
