#pragma once

/// Finds "@username" mentions in a message's text: which members a message names when it is
/// sent, where the names are when it is shown, and which members complete a typed "@bo".

#include "model/Conversation.h"

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace Parley::Mentions {

/// One "@username" in a text: where it starts (the "@"), its length with the "@", and which of
/// the names searched for it is.
struct Found
{
    qsizetype start = 0;
    qsizetype length = 0;
    qsizetype name = 0;
};

/// The "@name" words of `text` naming one of `usernames` (case-insensitive, the longest name
/// that fits). An "@" inside a word (an e-mail address) starts none, and a name must end
/// where a username cannot go on ("@bob." ends a sentence, "@bobby" is not bob).
QList<Found> find(const QString &text, const QStringList &usernames);
/// The user ids of `members` that `text` mentions, each once, in the order first mentioned.
QList<qint64> mentionedIds(const QString &text, const QList<Member> &members);
/// The members whose username starts with `prefix` (case-insensitive), without `selfUserId`,
/// sorted by username.
QList<Member> completions(const QString &prefix, const QList<Member> &members, qint64 selfUserId);

} // namespace Parley::Mentions
