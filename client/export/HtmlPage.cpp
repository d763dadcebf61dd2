#include "HtmlPage.h"

#include "ConversationArchive.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QUrl>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

// Inline, so the page reads the same offline and from any folder; no fonts or images fetched.
const QString Style = u"<style>"
                      "body{font-family:sans-serif;max-width:46em;margin:1em auto;padding:0 1em;"
                      "color:#1d1d1f;background:#fafafa}"
                      "h1{font-size:1.4em}.members{color:#666;font-size:.9em}"
                      ".msg{background:#fff;border:1px solid #e3e3e6;border-radius:8px;"
                      "padding:.5em .75em;margin:.5em 0}"
                      ".meta{color:#666;font-size:.8em;margin-bottom:.25em}"
                      ".sender{font-weight:bold;color:#1d1d1f}"
                      ".text{white-space:pre-wrap;overflow-wrap:anywhere}"
                      ".quote{border-left:3px solid #8aa4d6;padding-left:.5em;color:#555;"
                      "font-size:.9em;margin-bottom:.25em;white-space:pre-wrap}"
                      ".system,.gone{color:#666;font-style:italic;text-align:center}"
                      ".reactions span{display:inline-block;border:1px solid #d0d0d6;"
                      "border-radius:1em;padding:0 .5em;margin:.25em .25em 0 0;font-size:.85em}"
                      "img{max-width:100%;height:auto;border-radius:4px}"
                      "ul.index li{margin:.4em 0}"
                      "</style>"_s;

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

/// A relative path as an attribute value: each segment percent-encoded, then escaped.
QString hrefOf(const QString &relativePath)
{
    QStringList segments = relativePath.split(u'/');
    for (QString &s : segments)
        s = QString::fromLatin1(QUrl::toPercentEncoding(s));
    return escaped(segments.join(u'/'));
}

QString localTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm"_s);
}

QString page(const QString &title, const QString &body)
{
    return u"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
           " img-src 'self' file: data:; style-src 'unsafe-inline'\">"
           "<meta name=\"viewport\" content=\"width=device-width\">"
           "<title>%1</title>%2</head>\n<body>\n%3</body></html>\n"_s.arg(escaped(title), Style,
                                                                          body);
}

} // namespace

QString HtmlPage::conversationTitle(const QJsonObject &conversation, qint64 selfUserId)
{
    const QString title = conversation.value(u"title"_s).toString();
    if (!title.isEmpty())
        return title;
    QStringList names;
    const QJsonArray members = conversation.value(u"members"_s).toArray();
    for (const QJsonValue &v : members) {
        const QJsonObject m = v.toObject();
        if (m.value(u"userId"_s).toInteger() == selfUserId && members.size() > 1)
            continue;
        const QString display = m.value(u"displayName"_s).toString();
        names.append(display.isEmpty() ? m.value(u"username"_s).toString() : display);
    }
    return names.join(u", "_s);
}

QString HtmlPage::conversation(const ConversationArchive &archive)
{
    const QJsonObject conversation = archive.conversation();
    QHash<qint64, QString> names;
    QStringList memberNames;
    const QJsonArray members = conversation.value(u"members"_s).toArray();
    for (const QJsonValue &v : members) {
        const QJsonObject m = v.toObject();
        const QString display = m.value(u"displayName"_s).toString();
        const QString username = m.value(u"username"_s).toString();
        names.insert(m.value(u"userId"_s).toInteger(), display.isEmpty() ? username : display);
        memberNames.append(display.isEmpty() ? username : u"%1 (%2)"_s.arg(display, username));
    }
    const auto nameOf = [&names](const QJsonObject &message) {
        const QJsonObject sender = message.value(u"sender"_s).toObject();
        return names.value(sender.value(u"userId"_s).toInteger(),
                           sender.value(u"username"_s).toString());
    };
    const QString title = conversationTitle(conversation, 0);

    QString body =
            u"<p><a href=\"index.html\">%1</a></p>\n<h1>%2</h1>\n"
            "<p class=\"members\">%3</p>\n"_s.arg(escaped(tr("All conversations")), escaped(title),
                                                  escaped(memberNames.join(u", "_s)));
    const QList<QJsonObject> messages = archive.messages();
    for (const QJsonObject &m : messages) {
        const QString type = m.value(u"type"_s).toString();
        const QString anchor = u"m%1"_s.arg(m.value(u"seq"_s).toInteger());
        const QString when = escaped(localTime(m.value(u"timestamp"_s).toInteger()));
        if (type == u"system"_s) {
            body += u"<p class=\"system\" id=\"%1\">%2 · %3</p>\n"_s.arg(
                    anchor, escaped(m.value(u"text"_s).toString()), when);
            continue;
        }
        body += u"<div class=\"msg\" id=\"%1\"><div class=\"meta\"><span class=\"sender\">%2"
                "</span> · %3%4</div>"_s.arg(
                        anchor, escaped(nameOf(m)), when,
                        m.contains(u"edits"_s) ? u" · "_s + escaped(tr("edited")) : QString());
        if (const qint64 replyTo = m.value(u"replyTo"_s).toInteger(); replyTo > 0) {
            const auto quoted = archive.message(replyTo);
            const QString quotedText = !quoted ? tr("an earlier message")
                    : quoted->value(u"type"_s) == u"deleted"_s
                    ? tr("This message was deleted.")
                    : u"%1: %2"_s.arg(nameOf(*quoted), quoted->value(u"text"_s).toString());
            body += u"<div class=\"quote\"><a href=\"#m%1\">%2</a></div>"_s.arg(replyTo).arg(
                    escaped(quotedText));
        }
        if (type == u"deleted"_s) {
            body += u"<div class=\"gone\">%1</div>"_s.arg(escaped(tr("This message was deleted.")));
        } else if (type == u"undecryptable"_s) {
            body += u"<div class=\"gone\">%1</div>"_s.arg(
                    escaped(tr("This message could not be decrypted on this device.")));
        } else if (type == u"file"_s) {
            const QJsonObject a = m.value(u"attachment"_s).toObject();
            const QString name = a.value(u"name"_s).toString();
            const QString file = a.value(u"file"_s).toString();
            const QString size = QLocale::c().formattedDataSize(a.value(u"size"_s).toInteger());
            if (file.isEmpty()) {
                body += u"<div>📎 %1 (%2) · %3</div>"_s.arg(
                        escaped(name), escaped(size), escaped(tr("not downloaded on this device")));
            } else {
                if (a.value(u"mime"_s).toString().startsWith(u"image/"_s))
                    body += u"<div><img src=\"%1\" alt=\"%2\"></div>"_s.arg(hrefOf(file),
                                                                            escaped(name));
                body += u"<div>📎 <a href=\"%1\">%2</a> (%3)</div>"_s.arg(
                        hrefOf(file), escaped(name), escaped(size));
            }
        }
        if (type != u"deleted"_s && type != u"undecryptable"_s) {
            const QString text = m.value(u"text"_s).toString();
            if (!text.isEmpty())
                body += u"<div class=\"text\">%1</div>"_s.arg(escaped(text));
        }
        const QJsonArray reactions = m.value(u"reactions"_s).toArray();
        if (!reactions.isEmpty()) {
            body += u"<div class=\"reactions\">"_s;
            for (const QJsonValue &v : reactions) {
                const QJsonObject r = v.toObject();
                body += u"<span>%1 %2</span>"_s.arg(
                        escaped(r.value(u"emoji"_s).toString()),
                        escaped(names.value(r.value(u"userId"_s).toInteger())));
            }
            body += u"</div>"_s;
        }
        body += u"</div>\n"_s;
    }
    return page(title, body);
}

QString HtmlPage::index(const QList<QJsonObject> &conversations, const QString &account)
{
    QString body = u"<h1>%1</h1>\n"_s.arg(escaped(tr("Parley conversations of %1").arg(account)));
    body += u"<ul class=\"index\">\n"_s;
    for (const QJsonObject &c : conversations) {
        body += u"<li><a href=\"%1\">%2</a> <span class=\"members\">%3</span></li>\n"_s.arg(
                hrefOf(c.value(u"html"_s).toString()), escaped(c.value(u"title"_s).toString()),
                escaped(tr("Messages: %1").arg(c.value(u"messages"_s).toInt())));
    }
    body += u"</ul>\n"_s;
    return page(tr("Parley conversations"), body);
}

} // namespace Parley
