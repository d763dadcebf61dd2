#include "TextMarkup.h"

#include "content/Mentions.h"

#include <QtCore/QRegularExpression>
#include <QtCore/QStringList>
#include <QtCore/QUrl>

namespace Parley::TextMarkup {

using namespace Qt::StringLiterals;

namespace {

// A link runs to the next space or character that cannot be part of an address; punctuation
// that usually ends a sentence is left out of it.
const QRegularExpression LinkPattern(u"\\b(?:https?://|mailto:)[^\\s<>\"]+"_s,
                                     QRegularExpression::CaseInsensitiveOption);
const QRegularExpression CodePattern(u"`([^`]+)`"_s);
// Markers count only at word edges, with no space just inside them, so snake_case_names and
// 2*3*4 stay as written.
const QRegularExpression BoldPattern(u"(?<![\\w*])\\*(?=\\S)(.+?)(?<=\\S)\\*(?![\\w*])"_s);
const QRegularExpression ItalicPattern(u"(?<![\\w_])_(?=\\S)(.+?)(?<=\\S)_(?![\\w_])"_s);

QString trimLink(QString link)
{
    while (!link.isEmpty() && u".,;:!?)]}'"_s.contains(link.back()))
        link.chop(1);
    return link;
}

/// `html` with each "@name" of `mentioned` in bold. Escaping leaves '@' and the characters of
/// a username as they are, and turns none into them, so the names are found in the HTML.
QString withMentions(const QString &html, const QStringList &mentioned)
{
    if (mentioned.isEmpty())
        return html;
    QString marked;
    qsizetype at = 0;
    for (const Mentions::Found &f : Mentions::find(html, mentioned)) {
        marked += html.mid(at, f.start - at);
        marked += u"<b>"_s + html.mid(f.start, f.length) + u"</b>"_s;
        at = f.start + f.length;
    }
    return marked + html.mid(at);
}

QString emphasis(const QString &plain, const QStringList &mentioned)
{
    QString html = withMentions(plain.toHtmlEscaped(), mentioned);
    // Escaping leaves * and _ as they are and adds neither, so the markers apply afterwards.
    html.replace(BoldPattern, u"<b>\\1</b>"_s);
    html.replace(ItalicPattern, u"<i>\\1</i>"_s);
    return html;
}

QString linksAndEmphasis(const QString &plain, const QStringList &mentioned)
{
    QString html;
    qsizetype at = 0;
    auto it = LinkPattern.globalMatch(plain);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString link = trimLink(match.captured());
        const QUrl url(link, QUrl::StrictMode);
        if (!isOpenableLink(url))
            continue;
        html += emphasis(plain.mid(at, match.capturedStart() - at), mentioned);
        const QString escaped = link.toHtmlEscaped();
        html += u"<a href=\"%1\">%1</a>"_s.arg(escaped);
        at = match.capturedStart() + link.size();
    }
    html += emphasis(plain.mid(at), mentioned);
    return html;
}

QString inlineHtml(const QString &line, const QStringList &mentioned)
{
    QString html;
    qsizetype at = 0;
    auto it = CodePattern.globalMatch(line);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        html += linksAndEmphasis(line.mid(at, match.capturedStart() - at), mentioned);
        html += u"<code>%1</code>"_s.arg(match.captured(1).toHtmlEscaped());
        at = match.capturedEnd();
    }
    html += linksAndEmphasis(line.mid(at), mentioned);
    return html;
}

QString wrap(const QString &body)
{
    // pre-wrap keeps the sender's spaces and still wraps long lines.
    return u"<span style=\"white-space: pre-wrap\">%1</span>"_s.arg(body);
}

} // namespace

QString toHtml(const QString &text, const QStringList &mentioned)
{
    QString html;
    QStringList quote;
    const auto flushQuote = [&] {
        if (quote.isEmpty())
            return;
        html += u"<blockquote>"_s + quote.join(u"<br>"_s) + u"</blockquote>"_s;
        quote.clear();
    };
    const QStringList lines = text.split(u'\n');
    bool first = true;
    for (const QString &line : lines) {
        if (line.startsWith(u"> "_s) || line == u">"_s) {
            quote.append(inlineHtml(line.mid(2), mentioned));
            continue;
        }
        const bool afterQuote = !quote.isEmpty();
        flushQuote();
        if (!first && !afterQuote)
            html += u"<br>"_s;
        html += inlineHtml(line, mentioned);
        first = false;
    }
    flushQuote();
    return wrap(html);
}

QString toPlainHtml(const QString &text)
{
    return wrap(text.toHtmlEscaped().replace(u'\n', u"<br>"_s));
}

bool isOpenableLink(const QUrl &url)
{
    if (!url.isValid())
        return false;
    const QString scheme = url.scheme().toLower();
    if (scheme == u"mailto"_s)
        return !url.path().isEmpty();
    return (scheme == u"http"_s || scheme == u"https"_s) && !url.host().isEmpty();
}

} // namespace Parley::TextMarkup
