#include "attachments/AttachmentCipher.h"
#include "content/ImagePreview.h"
#include "content/MessageContent.h"
#include "content/ProfilePicture.h"

#include <QtCore/QBuffer>
#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtCore/QCborValue>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtGui/QImage>
#include <QtGui/QImageReader>
#include <QtGui/QImageWriter>
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
    void imagePreviewRoundTrip();
    void malformedImagePreviewIgnored_data();
    void malformedImagePreviewIgnored();
    void imagePreviewFromFile();
    void absurdImageGetsNoPreview();
    void mentionsRoundTrip();
    void malformedMentionsIgnored_data();
    void malformedMentionsIgnored();
    void profileRoundTrip();
    void profilePictureFromFile();
    void malformedProfilePictureIgnored_data();
    void malformedProfilePictureIgnored();
    void profileRefused_data();
    void profileRefused();
    void unknownFieldsAndTypes();
    void refused_data();
    void refused();
    void containersLongerThanTheirBytesRefused();
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

namespace {

const AttachmentRef imageRef{QByteArray(16, 'i'), QByteArray(32, 'k'), 5000,
                             AttachmentCipher::encryptedSize(5000)};

QByteArray jpeg(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 80);
    return bytes;
}

QImage filled(int width, int height, QColor colour)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(colour);
    return image;
}

/// A file message whose `image` field is `image`.
QByteArray fileWithImage(const QCborValue &image)
{
    return cbor({{"type"_L1, "file"_L1},
                 {"file"_L1, imageRef.toCbor()},
                 {"name"_L1, "photo.jpg"_L1},
                 {"image"_L1, image}});
}

/// One PNG chunk: length, type, data, CRC.
QByteArray pngChunk(const QByteArray &typeAndData)
{
    QByteArray chunk;
    const auto append32 = [&chunk](quint32 v) {
        for (int shift = 24; shift >= 0; shift -= 8)
            chunk.append(char((v >> shift) & 0xff));
    };
    append32(quint32(typeAndData.size() - 4));
    chunk.append(typeAndData);
    quint32 crc = 0xffffffffu;
    for (const char c : typeAndData) {
        crc ^= quint8(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    append32(crc ^ 0xffffffffu);
    return chunk;
}

/// A PNG whose header claims `width` × `height` pixels, with no pixels at all.
QByteArray pngHeader(quint32 width, quint32 height)
{
    QByteArray ihdr("IHDR");
    for (const quint32 v : {width, height})
        for (int shift = 24; shift >= 0; shift -= 8)
            ihdr.append(char((v >> shift) & 0xff));
    ihdr.append("\x08\x02\x00\x00\x00", 5); // 8-bit RGB
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk(ihdr) + pngChunk("IDAT")
            + pngChunk("IEND");
}

} // namespace

void tst_MessageContent::imagePreviewRoundTrip()
{
    const ImagePreview image{jpeg(filled(320, 180, Qt::red)), 1920, 1080};
    const MessageContent c =
            MessageContent::file(imageRef, u"photo.jpg"_s, u"image/jpeg"_s, u"Sunset"_s, image);
    const auto read = MessageContent::fromBytes(c.toBytes());
    QVERIFY(read.hasValue());
    QCOMPARE(*read, c);
    QCOMPARE(read->image().size(), QSize(1920, 1080));
    QCOMPARE(read->image().thumbnail, image.thumbnail);
    const QImage pixels = ImagePreview::decodeThumbnail(read->image().thumbnail);
    QCOMPARE(pixels.size(), QSize(320, 180));
    QVERIFY(qAbs(QColor(pixels.pixel(160, 90)).red() - 255) < 8);
    // An edit keeps the image; the preview text is the file's as before.
    QCOMPARE(read->withCaption(u"Dusk"_s).image(), image);
    QCOMPARE(read->previewText(), u"📎 photo.jpg\nSunset"_s);
    // A file without one (an older sender) has none.
    QVERIFY(MessageContent::fromBytes(MessageContent::file(imageRef, u"a.bin"_s, {}).toBytes())
                    ->image()
                    .isNull());
}

void tst_MessageContent::malformedImagePreviewIgnored_data()
{
    QTest::addColumn<QCborValue>("image");
    const QByteArray good = jpeg(filled(100, 50, Qt::blue));
    const auto preview = [](QCborValue w, QCborValue h, QCborValue thumb) {
        return QCborValue(QCborMap{{"w"_L1, w}, {"h"_L1, h}, {"thumb"_L1, thumb}});
    };
    QTest::newRow("not a map") << QCborValue(u"picture"_s);
    QTest::newRow("no thumbnail") << QCborValue(QCborMap{{"w"_L1, 10}, {"h"_L1, 10}});
    QTest::newRow("thumbnail not bytes") << preview(10, 10, u"jpeg"_s);
    QTest::newRow("zero width") << preview(0, 10, good);
    QTest::newRow("negative height") << preview(10, -3, good);
    QTest::newRow("absurd size") << preview(1'000'000, 10, good);
    QTest::newRow("size not a number") << preview(u"10"_s, 10, good);
    QTest::newRow("garbage bytes") << preview(10, 10, QByteArray("\xFF\xD8garbage", 9));
    QTest::newRow("truncated jpeg") << preview(10, 10, good.left(20));
    QTest::newRow("png, not jpeg") << preview(10, 10, pngHeader(10, 10));
    QTest::newRow("thumbnail too large") << preview(
            10, 10, QByteArray(good + QByteArray(ImagePreview::MaxThumbnailBytes, '\0')));
    QTest::newRow("thumbnail over 320 px") << preview(10, 10, jpeg(filled(400, 10, Qt::blue)));
}

void tst_MessageContent::malformedImagePreviewIgnored()
{
    QFETCH(QCborValue, image);
    // The file still shows, as a plain file.
    const auto read = MessageContent::fromBytes(fileWithImage(image));
    QVERIFY(read.hasValue());
    QCOMPARE(read->type(), MessageContent::Type::File);
    QCOMPARE(read->fileName(), u"photo.jpg"_s);
    QCOMPARE(read->attachment(), imageRef);
    QVERIFY(read->image().isNull());
}

void tst_MessageContent::imagePreviewFromFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A big PNG: a JPEG thumbnail of at most 320 px in its proportions, and its own size.
    const QString png = dir.filePath(u"wide.png"_s);
    QVERIFY(filled(1600, 900, QColor(0, 160, 0)).save(png));
    auto preview = ImagePreview::fromFile(png);
    QVERIFY(preview);
    QCOMPARE(preview->size(), QSize(1600, 900));
    QVERIFY(preview->thumbnail.size() <= 32 * 1024);
    QImage thumb = ImagePreview::decodeThumbnail(preview->thumbnail);
    QCOMPARE(thumb.size(), QSize(320, 180));
    QVERIFY(qAbs(QColor(thumb.pixel(10, 10)).green() - 160) < 8);
    // A small JPEG keeps its size.
    const QString small = dir.filePath(u"tall.jpg"_s);
    QVERIFY(filled(90, 200, Qt::yellow).save(small));
    preview = ImagePreview::fromFile(small);
    QVERIFY(preview);
    QCOMPARE(preview->size(), QSize(90, 200));
    QCOMPARE(ImagePreview::decodeThumbnail(preview->thumbnail).size(), QSize(90, 200));
    // A photo taken sideways: the EXIF orientation turns it, and the preview is as it shows.
    const QString turned = dir.filePath(u"turned.jpg"_s);
    QImageWriter writer(turned, "jpeg");
    writer.setTransformation(QImageIOHandler::TransformationRotate90);
    QVERIFY(writer.write(filled(400, 100, Qt::red)));
    preview = ImagePreview::fromFile(turned);
    QVERIFY(preview);
    QCOMPARE(preview->size(), QSize(100, 400));
    QCOMPARE(ImagePreview::decodeThumbnail(preview->thumbnail).size(), QSize(80, 320));
    // Not an image: no preview.
    const QString text = dir.filePath(u"notes.txt"_s);
    QFile f(text);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("just some text, not a picture");
    f.close();
    QVERIFY(!ImagePreview::fromFile(text));
}

void tst_MessageContent::absurdImageGetsNoPreview()
{
    // A file claiming 60000 × 60000 pixels (14 GB decoded) is refused from its header alone.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"bomb.png"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(pngHeader(60000, 60000));
    f.close();
    QCOMPARE(QImageReader(path).size(), QSize(60000, 60000));
    QVERIFY(!ImagePreview::fromFile(path));
}

void tst_MessageContent::mentionsRoundTrip()
{
    // A text names the members it mentions by id; repeats and non-ids are left out.
    const MessageContent sent =
            MessageContent::text(u"@bob @carol look"_s, 7).withMentions({12, 31, 12, 0, -5});
    QCOMPARE(sent.mentions(), (QList<qint64>{12, 31}));
    const auto read = MessageContent::fromBytes(sent.toBytes());
    QVERIFY(read.hasValue());
    QCOMPARE(*read, sent);
    QCOMPARE(read->mentions(), (QList<qint64>{12, 31}));
    QCOMPARE(read->replyTo(), 7);
    // None: the field is not written, and content of older senders reads as no mentions.
    const QByteArray plain = MessageContent::text(u"hi"_s).withMentions({}).toBytes();
    QVERIFY(!QCborValue::fromCbor(plain).toMap().contains("mentions"_L1));
    QVERIFY(MessageContent::fromBytes(plain)->mentions().isEmpty());
    // Only text messages mention.
    QVERIFY(MessageContent::edit(3, u"@bob"_s).withMentions({12}).mentions().isEmpty());
}

void tst_MessageContent::malformedMentionsIgnored_data()
{
    QTest::addColumn<QCborValue>("mentions");
    QTest::newRow("a number") << QCborValue(12);
    QTest::newRow("a string") << QCborValue(u"bob"_s);
    QTest::newRow("a map") << QCborValue(QCborMap{{"bob"_L1, 12}});
    QTest::newRow("names") << QCborValue(QCborArray{u"bob"_s});
    QTest::newRow("zero") << QCborValue(QCborArray{12, 0});
    QTest::newRow("negative") << QCborValue(QCborArray{-12});
    QTest::newRow("fraction") << QCborValue(QCborArray{1.5});
    QTest::newRow("nested") << QCborValue(QCborArray{QCborArray{12}});
    QCborArray many;
    for (int i = 1; i <= MessageContent::MaxMentions + 1; ++i)
        many.append(i);
    QTest::newRow("too many") << QCborValue(many);
}

void tst_MessageContent::malformedMentionsIgnored()
{
    QFETCH(QCborValue, mentions);
    // The text still shows, mentioning nobody.
    const auto read = MessageContent::fromBytes(
            cbor({{"type"_L1, "text"_L1}, {"text"_L1, "@bob hi"_L1}, {"mentions"_L1, mentions}}));
    QVERIFY(read.hasValue());
    QCOMPARE(read->type(), MessageContent::Type::Text);
    QCOMPARE(read->text(), u"@bob hi"_s);
    QVERIFY(read->mentions().isEmpty());
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

void tst_MessageContent::profileRoundTrip()
{
    const QByteArray picture = ProfilePicture::fromImage(filled(300, 200, Qt::red));
    QVERIFY(ProfilePicture::isWellFormed(picture));
    for (const MessageContent &c :
         {MessageContent::profile(u"  Alice Martin "_s, picture, 1'700'000'000'000),
          MessageContent::profile({}, {}, 5)}) {
        const auto read = MessageContent::fromBytes(c.toBytes());
        QVERIFY(read.hasValue());
        QCOMPARE(*read, c);
        QCOMPARE(read->type(), MessageContent::Type::Profile);
        QVERIFY(read->isHiddenEntry());
        QVERIFY(!read->isAnnotation());
        QCOMPARE(read->target(), 0);
        QVERIFY(read->previewText().isEmpty()); // never a row, never searched
    }
    const auto read = MessageContent::fromBytes(
            MessageContent::profile(u"  Alice Martin "_s, picture, 1'700'000'000'000).toBytes());
    QCOMPARE(read->displayName(), u"Alice Martin"_s); // trimmed
    QCOMPARE(read->picture(), picture);
    QCOMPARE(read->profileVersion(), 1'700'000'000'000);
    // The picture decodes, red, within bounds.
    const QImage image = ProfilePicture::decode(read->picture());
    QVERIFY(!image.isNull());
    QVERIFY(image.width() <= ProfilePicture::MaxSide && image.height() <= ProfilePicture::MaxSide);
    QVERIFY(qAbs(image.pixelColor(image.width() / 2, image.height() / 2).red() - 255) < 24);
}

void tst_MessageContent::profilePictureFromFile()
{
    QTemporaryDir dir;
    // A large, noisy photo still fits: the centre square, 128 px, at most 16 KiB.
    QImage noisy(1600, 900, QImage::Format_RGB32);
    quint32 seed = 7;
    for (int y = 0; y < noisy.height(); ++y) {
        for (int x = 0; x < noisy.width(); ++x) {
            seed = seed * 1664525u + 1013904223u;
            noisy.setPixel(x, y, seed);
        }
    }
    const QString path = dir.filePath(u"photo.png"_s);
    QVERIFY(noisy.save(path));
    const QByteArray picture = ProfilePicture::fromFile(path);
    QVERIFY(!picture.isEmpty());
    QVERIFY(picture.size() <= ProfilePicture::MaxBytes);
    const QImage image = ProfilePicture::decode(picture);
    QCOMPARE(image.size(), QSize(ProfilePicture::MaxSide, ProfilePicture::MaxSide));
    // Not an image: nothing.
    QFile text(dir.filePath(u"notes.png"_s));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("not a picture");
    text.close();
    QVERIFY(ProfilePicture::fromFile(text.fileName()).isEmpty());
}

void tst_MessageContent::malformedProfilePictureIgnored_data()
{
    QTest::addColumn<QCborValue>("picture");
    const QByteArray good = jpeg(filled(100, 100, Qt::blue));
    QTest::newRow("not bytes") << QCborValue(u"picture"_s);
    QTest::newRow("garbage") << QCborValue(QByteArray("\xFF\xD8garbage", 9));
    QTest::newRow("truncated") << QCborValue(good.left(20));
    QTest::newRow("png, not jpeg") << QCborValue(pngHeader(10, 10));
    QTest::newRow("over 128 px") << QCborValue(jpeg(filled(200, 20, Qt::blue)));
    QTest::newRow("over 16 KiB") << QCborValue(
            QByteArray(good + QByteArray(ProfilePicture::MaxBytes, '\0')));
}

void tst_MessageContent::malformedProfilePictureIgnored()
{
    QFETCH(QCborValue, picture);
    // The name still counts, without a picture.
    const QByteArray bytes = cbor({{"type"_L1, u"profile"_s},
                                   {"name"_L1, u"Alice Martin"_s},
                                   {"picture"_L1, picture},
                                   {"version"_L1, 42}});
    const auto read = MessageContent::fromBytes(bytes);
    QVERIFY(read.hasValue());
    QCOMPARE(read->type(), MessageContent::Type::Profile);
    QCOMPARE(read->displayName(), u"Alice Martin"_s);
    QVERIFY(read->picture().isEmpty());
    QVERIFY(ProfilePicture::decode(picture.toByteArray()).isNull());
}

void tst_MessageContent::profileRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const auto profile = [](QCborValue name, QCborValue version) {
        QCborMap map{{"type"_L1, u"profile"_s}, {"name"_L1, name}};
        if (!version.isUndefined())
            map.insert("version"_L1, version);
        return cbor(map);
    };
    QTest::newRow("no version") << profile(u"Alice"_s, QCborValue());
    QTest::newRow("version zero") << profile(u"Alice"_s, 0);
    QTest::newRow("negative version") << profile(u"Alice"_s, -5);
    QTest::newRow("version not a number") << profile(u"Alice"_s, u"5"_s);
    QTest::newRow("name not text") << profile(42, 5);
    QTest::newRow("name too long") << profile(QString(65, u'a'), 5);
}

void tst_MessageContent::profileRefused()
{
    QFETCH(QByteArray, bytes);
    QVERIFY(!MessageContent::fromBytes(bytes).hasValue());
}

// Qt's parser reserves room for each container's declared length before reading it: nested
// maps that each claim tens of thousands of entries, in a few bytes, are refused unparsed.
void tst_MessageContent::containersLongerThanTheirBytesRefused()
{
    QByteArray bytes = QByteArrayLiteral("\xa2\x64type\x64text\x64text");
    for (int i = 0; i < 40; ++i)
        bytes += QByteArrayLiteral("\xb9\xb9\xb9");
    const auto refused = MessageContent::fromBytes(bytes);
    QVERIFY(!refused.hasValue());

    const auto read = MessageContent::fromBytes(MessageContent::text(u"hello"_s).toBytes());
    QVERIFY(read.hasValue());
    QCOMPARE(read->text(), u"hello"_s);
}

QTEST_GUILESS_MAIN(tst_MessageContent)
#include "tst_messagecontent.moc"
