#pragma once

/// Turns a message's plain text into the restricted rich text the message view shows: a small,
/// safe formatting subset (*bold*, _italic_, `code`, "> " quote lines) and links for http,
/// https and mailto addresses only, and "@username" mentions in bold; everything else is escaped, so a sender can put no HTML,
/// images or other links into it.

#include <QtCore/QString>
#include <QtCore/QStringList>

class QUrl;

namespace Parley::TextMarkup {

/// The HTML for `text` (a QTextDocument/TextEdit rich text subset: b, i, code, a, blockquote,
/// br, and one span that keeps the text's spaces). The "@name" words of the usernames in
/// `mentioned` (those the message's content mentions) are bold.
QString toHtml(const QString &text, const QStringList &mentioned = {});
/// `text` escaped only, line breaks kept (for texts that are not the sender's message, e.g.
/// "This message was deleted").
QString toPlainHtml(const QString &text);
/// Whether `url` may be opened from a message: http, https or mailto, and well formed.
bool isOpenableLink(const QUrl &url);

} // namespace Parley::TextMarkup
