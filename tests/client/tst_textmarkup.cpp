// TextMarkup: what a sender's text may turn into in the message view, and what it may not.

#include "content/TextMarkup.h"

#include <QtCore/QUrl>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace Parley;

class tst_TextMarkup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formats_data();
    void formats();
    void mentions_data();
    void mentions();
    void neverPassesHtmlThrough_data();
    void neverPassesHtmlThrough();
    void openableLinks_data();
    void openableLinks();
};

namespace {

QString body(const QString &html)
{
    // toHtml wraps everything in one span that keeps spaces.
    const QString open = u"<span style=\"white-space: pre-wrap\">"_s;
    return html.startsWith(open) && html.endsWith(u"</span>"_s)
            ? html.mid(open.size(), html.size() - open.size() - 7)
            : html;
}

} // namespace

void tst_TextMarkup::formats_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("html");
    QTest::newRow("plain") << u"hello"_s << u"hello"_s;
    QTest::newRow("bold") << u"a *big* deal"_s << u"a <b>big</b> deal"_s;
    QTest::newRow("italic") << u"_so_ good"_s << u"<i>so</i> good"_s;
    QTest::newRow("code") << u"run `rm *x*`"_s << u"run <code>rm *x*</code>"_s;
    QTest::newRow("snake_case stays") << u"my_var_name"_s << u"my_var_name"_s;
    QTest::newRow("arithmetic stays") << u"2*3*4"_s << u"2*3*4"_s;
    QTest::newRow("lone star") << u"a * b"_s << u"a * b"_s;
    QTest::newRow("lines") << u"one\ntwo"_s << u"one<br>two"_s;
    QTest::newRow("quote") << u"> said\nyes"_s << u"<blockquote>said</blockquote>yes"_s;
    QTest::newRow("link")
            << u"see https://a.example/x?y=1&z=2."_s
            << u"see <a href=\"https://a.example/x?y=1&amp;z=2\">https://a.example/x?y=1&amp;z=2</a>."_s;
    QTest::newRow("mailto") << u"mailto:bob@example.org"_s
                            << u"<a href=\"mailto:bob@example.org\">mailto:bob@example.org</a>"_s;
    QTest::newRow("link keeps underscores")
            << u"http://a.example/_x_"_s
            << u"<a href=\"http://a.example/_x_\">http://a.example/_x_</a>"_s;
    QTest::newRow("javascript is text") << u"javascript:alert(1)"_s << u"javascript:alert(1)"_s;
    QTest::newRow("file is text") << u"file:///etc/passwd"_s << u"file:///etc/passwd"_s;
}

void tst_TextMarkup::formats()
{
    QFETCH(QString, text);
    QFETCH(QString, html);
    QCOMPARE(body(TextMarkup::toHtml(text)), html);
}

void tst_TextMarkup::mentions_data()
{
    // The message mentions bob and bob.smith (the names its content's ids have).
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("html");
    QTest::newRow("mention") << u"@bob hi"_s << u"<b>@bob</b> hi"_s;
    QTest::newRow("end of sentence") << u"hi @bob."_s << u"hi <b>@bob</b>."_s;
    QTest::newRow("longest name") << u"@bob.smith too"_s << u"<b>@bob.smith</b> too"_s;
    QTest::newRow("another name") << u"@bobby @carol"_s << u"@bobby @carol"_s;
    QTest::newRow("e-mail address") << u"me@bob x"_s << u"me@bob x"_s;
    QTest::newRow("inside bold") << u"*hey @bob*"_s << u"<b>hey <b>@bob</b></b>"_s;
    QTest::newRow("escaped around") << u"<@bob>"_s << u"&lt;<b>@bob</b>&gt;"_s;
    QTest::newRow("not in code") << u"`@bob`"_s << u"<code>@bob</code>"_s;
}

void tst_TextMarkup::mentions()
{
    QFETCH(QString, text);
    QFETCH(QString, html);
    QCOMPARE(body(TextMarkup::toHtml(text, {u"bob"_s, u"bob.smith"_s})), html);
}

void tst_TextMarkup::neverPassesHtmlThrough_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("img") << u"<img src=\"https://evil.example/x.png\">"_s;
    QTest::newRow("anchor") << u"<a href=\"javascript:alert(1)\">click</a>"_s;
    QTest::newRow("in bold") << u"*<b onclick=x>*"_s;
    QTest::newRow("in code") << u"`<script>`"_s;
    QTest::newRow("quote in link") << u"https://a.example/\"onmouseover=\"x"_s;
    QTest::newRow("entity") << u"&lt;b&gt;"_s;
}

void tst_TextMarkup::neverPassesHtmlThrough()
{
    QFETCH(QString, text);
    const QString html = body(TextMarkup::toHtml(text));
    QVERIFY2(!html.contains(u"<img"_s) && !html.contains(u"<script"_s)
                     && !html.contains(u"javascript:alert(1)\">"_s)
                     && !html.contains(u"onmouseover=\""_s) && !html.contains(u"<b onclick"_s)
                     && !html.contains(u"&lt;b&gt;"_s),
             qPrintable(html));
}

void tst_TextMarkup::openableLinks_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("openable");
    QTest::newRow("https") << u"https://example.org/a"_s << true;
    QTest::newRow("http") << u"HTTP://example.org"_s << true;
    QTest::newRow("mailto") << u"mailto:a@example.org"_s << true;
    QTest::newRow("javascript") << u"javascript:alert(1)"_s << false;
    QTest::newRow("file") << u"file:///etc/passwd"_s << false;
    QTest::newRow("data") << u"data:text/html,hi"_s << false;
    QTest::newRow("no host") << u"https://"_s << false;
}

void tst_TextMarkup::openableLinks()
{
    QFETCH(QString, url);
    QFETCH(bool, openable);
    QCOMPARE(TextMarkup::isOpenableLink(QUrl(url, QUrl::StrictMode)), openable);
}

QTEST_GUILESS_MAIN(tst_TextMarkup)
#include "tst_textmarkup.moc"
