#include "AppWindow.h"

#include "chat/States.h"

#include <QtCore/QMetaEnum>

#include "Client.h"
#include "ClientOptions.h"
#include "MainWindow.h"
#include "TestLogging.h"
#include "net/Connection.h"

#include <QtCore/QDir>
#include <QtGui/QImage>
#include <QtQml/QQmlApplicationEngine>
#include <QtQuick/QQuickItem>
#include <QtQuick/QQuickWindow>
#include <QtTest/QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Parley {

namespace {

// A Popup (Dialog, Menu) is not an item: its objectName is on the QQuickPopup, which owns
// the item that is shown in the window's overlay while it is open.
QString nameOf(const QQuickItem *item)
{
    if (!item->objectName().isEmpty())
        return item->objectName();
    const QObject *owner = item->parent();
    return owner && owner->inherits("QQuickPopup") ? owner->objectName() : QString();
}

void collect(QQuickItem *root, const QString &objectName, QList<QQuickItem *> *found,
             bool firstOnly)
{
    // Hidden, or fully transparent (how the UI hides an item that keeps its place).
    if (!root->isVisible() || qFuzzyIsNull(root->opacity()))
        return;
    if (nameOf(root) == objectName) {
        found->append(root);
        if (firstOnly)
            return;
    }
    for (QQuickItem *child : root->childItems()) {
        collect(child, objectName, found, firstOnly);
        if (firstOnly && !found->isEmpty())
            return;
    }
}

// Whether a popup (dialog, menu) under `root` is still opening or closing.
bool popupMoving(QQuickItem *root)
{
    if (!root->isVisible())
        return false;
    const QObject *owner = root->parent();
    if (owner && owner->inherits("QQuickPopup") && !owner->property("opened").toBool())
        return true;
    const QList<QQuickItem *> children = root->childItems();
    return std::any_of(children.cbegin(), children.cend(), popupMoving);
}

// Delegates of `list` (a ListView) named `objectName`, top to bottom.
QList<QQuickItem *> delegates(QQuickItem *list, const QString &objectName)
{
    QList<QQuickItem *> rows;
    if (!list)
        return rows;
    const auto content = list->property("contentItem").value<QQuickItem *>();
    if (!content)
        return rows;
    for (QQuickItem *child : content->childItems()) {
        if (child->isVisible() && child->objectName() == objectName)
            rows.append(child);
    }
    std::sort(rows.begin(), rows.end(),
              [](QQuickItem *a, QQuickItem *b) { return a->y() < b->y(); });
    return rows;
}

} // namespace

AppWindow::AppWindow(const QString &profile, const QString &dataDir, const QUrl &serverUrl)
{
    setApplicationMetadata();
    ClientOptions options;
    options.profile = profile;
    options.dataDir = dataDir;
    options.serverUrl = serverUrl.toString();
    options.deviceName = u"UI test (%1)"_s.arg(profile);
    options.notifications = false;
    m_client = std::make_unique<Client>(options);
    // Servers are stopped and restarted within a case: reconnect in seconds, not minutes.
    m_client->connection()->setReconnectDelays(200, 2000);

    m_engine = std::make_unique<QQmlApplicationEngine>();
    if (loadMainWindow(*m_engine, m_client.get()))
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
    if (m_window) {
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window))
            qCWarning(lcTestClient, "AppWindow: the window of %s was not exposed",
                      qPrintable(profile));
    }
}

AppWindow::~AppWindow()
{
    // The window's bindings reach into the client: the engine goes first.
    m_engine.reset();
    m_client.reset();
}

QQuickItem *AppWindow::item(const QString &objectName, QQuickItem *root) const
{
    if (!root && !m_window)
        return nullptr;
    QList<QQuickItem *> found;
    collect(root ? root : m_window->contentItem(), objectName, &found, true);
    return found.value(0);
}

QList<QQuickItem *> AppWindow::items(const QString &objectName, QQuickItem *root) const
{
    QList<QQuickItem *> found;
    if (root || m_window)
        collect(root ? root : m_window->contentItem(), objectName, &found, false);
    return found;
}

QString AppWindow::text(const QString &objectName, QQuickItem *root) const
{
    QQuickItem *target = item(objectName, root);
    return target ? target->property("text").toString() : QString();
}

QQuickItem *AppWindow::conversation(const QString &title) const
{
    return item(u"conversation:"_s + title);
}

QQuickItem *AppWindow::message(const QString &text) const
{
    const QList<QQuickItem *> rows = delegates(item(u"messageList"_s), u"message"_s);
    for (auto it = rows.crbegin(); it != rows.crend(); ++it) {
        if ((*it)->property("text").toString() == text)
            return *it;
    }
    return nullptr;
}

QQuickItem *AppWindow::fileMessage(const QString &fileName) const
{
    const QList<QQuickItem *> rows = delegates(item(u"messageList"_s), u"message"_s);
    for (auto it = rows.crbegin(); it != rows.crend(); ++it) {
        if ((*it)->property("attachmentName").toString() == fileName)
            return *it;
    }
    return nullptr;
}

QStringList AppWindow::messageTexts() const
{
    QStringList texts;
    for (QQuickItem *row : delegates(item(u"messageList"_s), u"message"_s))
        texts.append(row->property("text").toString());
    return texts;
}

QString AppWindow::deliveryState(const QString &text) const
{
    QQuickItem *row = message(text);
    QQuickItem *ticks = row ? item(u"deliveryTicks"_s, row) : nullptr;
    if (!ticks)
        return {};
    // The state's name in lower case ("read"), as the tests spell it.
    const int state = ticks->property("deliveryState").toInt();
    return QString::fromLatin1(QMetaEnum::fromType<States::Delivery>().valueToKey(state)).toLower();
}

bool AppWindow::activate()
{
    if (!m_window)
        return false;
    if (m_window->isActive())
        return true;
    m_window->requestActivate();
    return QTest::qWaitForWindowActive(m_window);
}

bool AppWindow::click(QQuickItem *target, Qt::MouseButton button)
{
    return clickAt(target, std::nullopt, button);
}

namespace {

// Where a TextEdit shows `part`: a point a few characters into its first occurrence.
std::optional<QPointF> pointOf(QQuickItem *textEdit, const QString &part)
{
    const int at = AppWindow::shownText(textEdit).indexOf(part);
    if (!textEdit || at < 0)
        return std::nullopt;
    QRectF cursor;
    QMetaObject::invokeMethod(textEdit, "positionToRectangle", Q_RETURN_ARG(QRectF, cursor),
                              Q_ARG(int, at + std::min<int>(3, part.size() / 2)));
    return QPointF(cursor.x() + 2, cursor.center().y());
}

} // namespace

QString AppWindow::shownText(QQuickItem *textEdit)
{
    if (!textEdit)
        return {};
    QString text;
    QMetaObject::invokeMethod(textEdit, "getText", Q_RETURN_ARG(QString, text), Q_ARG(int, 0),
                              Q_ARG(int, textEdit->property("length").toInt()));
    return text;
}

QString AppWindow::linkAt(QQuickItem *textEdit, const QString &part)
{
    const std::optional<QPointF> point = pointOf(textEdit, part);
    QString link;
    if (point)
        QMetaObject::invokeMethod(textEdit, "linkAt", Q_RETURN_ARG(QString, link),
                                  Q_ARG(qreal, point->x()), Q_ARG(qreal, point->y()));
    return link;
}

bool AppWindow::clickText(QQuickItem *textEdit, const QString &part)
{
    const std::optional<QPointF> point = pointOf(textEdit, part);
    if (!point) {
        qCWarning(lcTestClient, "AppWindow::clickText: \"%s\" is not shown", qPrintable(part));
        return false;
    }
    return clickAt(textEdit, point, Qt::LeftButton);
}

bool AppWindow::clickAt(QQuickItem *target, std::optional<QPointF> local, Qt::MouseButton button)
{
    if (!target || !m_window) {
        qCWarning(lcTestClient, "AppWindow::click: no such item");
        return false;
    }
    if (!target->isVisible() || !target->isEnabled()) {
        qCWarning(lcTestClient, "AppWindow::click: %s is hidden or disabled",
                  qPrintable(target->objectName()));
        return false;
    }
    if (!activate())
        qCWarning(lcTestClient, "AppWindow::click: the window did not become active");
    // A dialog or menu on its way in or out still catches clicks: click once it has settled.
    if (!QTest::qWaitFor([this] { return !popupMoving(m_window->contentItem()); }))
        qCWarning(lcTestClient, "AppWindow::click: a popup is still opening or closing");
    const auto centre = [target, local] {
        return target->mapToScene(
                local.value_or(QPointF(target->width() / 2, target->height() / 2)));
    };
    // Something sliding or fading in (a page, a dialog) is clicked where it comes to rest.
    const QRectF inside(QPointF(0, 0), m_window->size());
    if (!QTest::qWaitFor([&] { return inside.contains(centre()); })) {
        qCWarning(lcTestClient, "AppWindow::click: %s is outside the window",
                  qPrintable(target->objectName()));
        return false;
    }
    QTest::mouseClick(m_window, button, Qt::NoModifier, centre().toPoint());
    return true;
}

bool AppWindow::typeInto(const QString &objectName, const QString &text)
{
    QQuickItem *field = item(objectName);
    if (!click(field))
        return false;
    if (!QTest::qWaitFor([field] { return field->hasActiveFocus(); })) {
        qCWarning(lcTestClient, "AppWindow::typeInto: %s did not take the focus",
                  qPrintable(objectName));
        return false;
    }
    QTest::keyClick(m_window, Qt::Key_A, Qt::ControlModifier);
    type(text);
    return true;
}

void AppWindow::type(const QString &text)
{
    for (const QChar c : text)
        QTest::keyClick(m_window, c.toLatin1());
}

void AppWindow::press(int key, Qt::KeyboardModifiers modifiers)
{
    // A closing dialog is still modal and takes the window's shortcuts: press once it is gone,
    // as a person would.
    if (!QTest::qWaitFor([this] { return !popupMoving(m_window->contentItem()); }))
        qCWarning(lcTestClient, "AppWindow::press: a popup is still opening or closing");
    QTest::keyClick(m_window, Qt::Key(key), modifiers);
}

QString AppWindow::screenshot(const QString &name) const
{
    if (!m_window)
        return {};
    QString dir = qEnvironmentVariable("PARLEY_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QDir::current().filePath(u"screenshots"_s);
    if (!QDir().mkpath(dir))
        return {};
    const QString path = QDir(dir).filePath(name + u".png"_s);
    // The picture shows dialogs and menus where they come to rest, not half faded in or out.
    if (!QTest::qWaitFor([this] { return !popupMoving(m_window->contentItem()); }))
        qCWarning(lcTestClient, "AppWindow::screenshot: a popup is still opening or closing");
    // Canvas items (the icons) paint on the frame after they were asked to: render one first.
    (void)m_window->grabWindow();
    const QImage image = m_window->grabWindow();
    return !image.isNull() && image.save(path) ? path : QString();
}

} // namespace Parley
