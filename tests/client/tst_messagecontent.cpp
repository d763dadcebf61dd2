#include "attachments/AttachmentCipher.h"
#include "content/MessageContent.h"

#include <QtCore/QCborMap>
#include <QtCore/QCborValue>
#include <QtTest/QTest>

using namespace Parley;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Parley::MessageContent)

/// The content inside a message's ciphertext: every type round-trips, readers ignore unknown
/// fields and keep unknown types, and hostile or oversized content is refused.
class tst_MessageContent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void file();
    void unknownFieldsAndTypes();
    void refused_data();
    void refused();
};

static QByteArray cbor(const QCborMap &map)
{
    return map.toCborValue().toCbor();
}

void tst_MessageContent::roundTrip_data()
{
    QTest::addColumn<MessageContent>("content");
    QTest::newRow("text") << MessageContent::text(u"hello"_s);
    QTest::newRow("reply") << MessageContent::text(u"yes\nsecond line"_s, 41);
    QTest::newRow("reaction") << MessageContent::reaction(3, u"👍"_s);
    QTest::newRow("reaction with skin tone") << MessageContent::reaction(3, u"👍🏽"_s);
    QTest::newRow("reaction removed") << MessageContent::reaction(3, u"❤️"_s, true);
    QTest::newRow("edit") << MessageContent::edit(9, u"fixed typo"_s);
    QTest::newRow("delete") << MessageContent::deletion(9);
    const AttachmentRef ref{QByteArray(16, 'i'), QByteArray(32, 'k'), 300 * 1024,
                            AttachmentCipher::encryptedSize(300 * 1024)};
    QTest::newRow("file") << MessageContent::file(ref, u"report.pdf"_s, u"application/pdf"_s);
    QTest::newRow("file with caption")
            << MessageContent::file(ref, u"cat.png"_s, u"image/png"_s, u"look"_s);
}

void tst_MessageContent::roundTrip()
{
    QFETCH(MessageContent, content);
    const auto read = MessageContent::fromBytes(content.toBytes());
    QVERIFY(read.hasValue());
    QCOMPARE(*read, content);
    QCOMPARE(read->isAnnotation(),
             content.type() != MessageContent::Type::Text
                     && content.type() != MessageContent::Type::File);
}

void tst_MessageContent::file()
{
    const AttachmentRef ref{QByteArray(16, 'i'), QByteArray(32, 'k'), 1000,
                            AttachmentCipher::encryptedSize(1000)};
    const MessageContent c = MessageContent::file(ref, u"notes.txt"_s, u"text/plain"_s);
    QCOMPARE(c.previewText(), u"📎 notes.txt"_s);
    QCOMPARE(c.attachment(), ref);
    // A name never names a folder; a broken reference is refused.
    auto read = MessageContent::fromBytes(cbor(
            {{"type"_L1, "file"_L1}, {"file"_L1, ref.toCbor()}, {"name"_L1, "../../.bashrc"_L1}}));
    QVERIFY(read.hasValue());
    QCOMPARE(read->fileName(), u".bashrc"_s);
    QVERIFY(!MessageContent::fromBytes(cbor(
            {{"type"_L1, "file"_L1}, {"file"_L1, QCborMap{{"id"_L1, 1}}}, {"name"_L1, "a"_L1}})));
    QVERIFY(!MessageContent::fromBytes(cbor({{"type"_L1, "file"_L1}, {"file"_L1, ref.toCbor()}})));
}

void tst_MessageContent::unknownFieldsAndTypes()
{
    // A newer sender's extra fields are ignored.
    auto read = MessageContent::fromBytes(
            cbor({{"type"_L1, "text"_L1}, {"text"_L1, "hi"_L1}, {"mentions"_L1, 3}}));
    QVERIFY(read.hasValue());
    QCOMPARE(read->text(), u"hi"_s);
    QCOMPARE(read->replyTo(), 0);
    read = MessageContent::fromBytes(cbor({{"type"_L1, "reaction"_L1},
                                           {"target"_L1, 5},
                                           {"emoji"_L1, u"🎉"_s},
                                           {"colour"_L1, "red"_L1}}));
    QVERIFY(read.hasValue());
    QCOMPARE(read->target(), 5);
    QVERIFY(!read->isRemoved());
    // A damaged quote does not hide the text.
    read = MessageContent::fromBytes(
            cbor({{"type"_L1, "text"_L1}, {"text"_L1, "hi"_L1}, {"replyTo"_L1, -4}}));
    QVERIFY(read.hasValue());
    QCOMPARE(read->replyTo(), 0);
    // A type from the future is kept and shown as a placeholder, never as a row change.
    read = MessageContent::fromBytes(cbor({{"type"_L1, "poll"_L1}, {"name"_L1, "a.pdf"_L1}}));
    QVERIFY(read.hasValue());
    QCOMPARE(read->type(), MessageContent::Type::Unknown);
    QVERIFY(!read->isAnnotation());
    QVERIFY(!read->previewText().isEmpty());
    // Annotations have no preview of their own.
    QVERIFY(MessageContent::edit(2, u"x"_s).previewText().isEmpty());
}

void tst_MessageContent::refused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not cbor") << QByteArray("\xff\xff\x00", 3);
    QTest::newRow("not a map") << QCborValue(u"text"_s).toCbor();
    QTest::newRow("no type") << cbor({{"text"_L1, "hi"_L1}});
    QTest::newRow("type not a string") << cbor({{"type"_L1, 1}});
    QTest::newRow("text without text") << cbor({{"type"_L1, "text"_L1}});
    QTest::newRow("reaction without target")
            << cbor({{"type"_L1, "reaction"_L1}, {"emoji"_L1, u"👍"_s}});
    QTest::newRow("reaction target zero")
            << cbor({{"type"_L1, "reaction"_L1}, {"target"_L1, 0}, {"emoji"_L1, u"👍"_s}});
    QTest::newRow("reaction target text")
            << cbor({{"type"_L1, "reaction"_L1}, {"target"_L1, "3"_L1}, {"emoji"_L1, u"👍"_s}});
    QTest::newRow("reaction without emoji") << cbor({{"type"_L1, "reaction"_L1}, {"target"_L1, 3}});
    QTest::newRow("reaction empty emoji")
            << cbor({{"type"_L1, "reaction"_L1}, {"target"_L1, 3}, {"emoji"_L1, ""_L1}});
    QTest::newRow("reaction huge emoji") << cbor(
            {{"type"_L1, "reaction"_L1}, {"target"_L1, 3}, {"emoji"_L1, QString(40, u'x')}});
    QTest::newRow("reaction emoji with a line break")
            << cbor({{"type"_L1, "reaction"_L1}, {"target"_L1, 3}, {"emoji"_L1, "a\nb"_L1}});
    QTest::newRow("reaction removed not bool") << cbor({{"type"_L1, "reaction"_L1},
                                                        {"target"_L1, 3},
                                                        {"emoji"_L1, u"👍"_s},
                                                        {"removed"_L1, 1}});
    QTest::newRow("edit without text") << cbor({{"type"_L1, "edit"_L1}, {"target"_L1, 3}});
    QTest::newRow("edit blank text")
            << cbor({{"type"_L1, "edit"_L1}, {"target"_L1, 3}, {"text"_L1, "  "_L1}});
    QTest::newRow("edit without target") << cbor({{"type"_L1, "edit"_L1}, {"text"_L1, "x"_L1}});
    QTest::newRow("delete without target") << cbor({{"type"_L1, "delete"_L1}});
    QTest::newRow("delete negative target") << cbor({{"type"_L1, "delete"_L1}, {"target"_L1, -1}});
    QTest::newRow("oversized")
            << MessageContent::text(QString(MessageContent::MaxBytes, u'a')).toBytes();
}

void tst_MessageContent::refused()
{
    QFETCH(QByteArray, bytes);
    QVERIFY(!MessageContent::fromBytes(bytes).hasValue());
}

QTEST_GUILESS_MAIN(tst_MessageContent)
#include "tst_messagecontent.moc"
