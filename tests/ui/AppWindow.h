#pragma once

/// The real Parley window for one Client, as the UI tests drive it: boots the way `parley`
/// does (MainWindow.h), then finds items by objectName, clicks and types like a person, and
/// saves screenshots into the build folder.

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QUrl>

#include <QtCore/QPointF>

#include <memory>
#include <optional>

class QQmlApplicationEngine;
class QQuickItem;
class QQuickWindow;

namespace Parley {

class Client;

class AppWindow
{
public:
    /// A Client for `profile` keeping its data in `dataDir`, its login screen pointing at
    /// `serverUrl`, and its main window shown. Reconnects quickly (tests restart servers).
    AppWindow(const QString &profile, const QString &dataDir, const QUrl &serverUrl);
    ~AppWindow();

    AppWindow(const AppWindow &) = delete;
    AppWindow &operator=(const AppWindow &) = delete;

    Client *client() const { return m_client.get(); }
    /// Null if Main.qml failed to load (the engine logged why).
    QQuickWindow *window() const { return m_window; }

    /// The first visible item called `objectName` under `root` (default: the whole window,
    /// open popups included: an open Dialog or Menu is found by its own objectName), depth
    /// first; null if there is none.
    QQuickItem *item(const QString &objectName, QQuickItem *root = nullptr) const;
    /// Every visible item called `objectName` under `root`.
    QList<QQuickItem *> items(const QString &objectName, QQuickItem *root = nullptr) const;
    /// The text shown by the visible item `objectName` (its `text` property), or a null string.
    QString text(const QString &objectName, QQuickItem *root = nullptr) const;
    /// Whether a visible item called `objectName` exists.
    bool isShown(const QString &objectName) const { return item(objectName) != nullptr; }

    /// The conversation list's row for `title`, or null.
    QQuickItem *conversation(const QString &title) const;
    /// The open conversation's entry showing `text` (the newest such), or null.
    QQuickItem *message(const QString &text) const;
    /// The open conversation's file message of the file `fileName` (the newest such), or null.
    QQuickItem *fileMessage(const QString &fileName) const;
    /// The texts of the open conversation's messages the list has created, top to bottom.
    QStringList messageTexts() const;
    /// What the delivery mark of own message `text` shows: "queued", "sent", "delivered",
    /// "read", "failed", or a null string if the message or its mark is not shown.
    QString deliveryState(const QString &text) const;

    /// Brings the window to the front, as a person does by clicking into it (an app marks
    /// what it shows as read only while its window is active). false if that did not happen.
    bool activate();
    /// Activates the window and clicks the centre of `target` with `button`. false (and a
    /// warning) if it is null, hidden, disabled or outside the window.
    bool click(QQuickItem *target, Qt::MouseButton button = Qt::LeftButton);
    bool click(const QString &objectName) { return click(item(objectName)); }
    /// Clicks the first place where the text item `textEdit` (a TextEdit) shows `part`, a few
    /// characters in. false (and a warning) if it does not show it.
    bool clickText(QQuickItem *textEdit, const QString &part);
    /// The plain text a TextEdit shows (its rich text without the formatting).
    static QString shownText(QQuickItem *textEdit);
    /// The link under `part` of what a TextEdit shows (its href), or empty: no link there.
    static QString linkAt(QQuickItem *textEdit, const QString &part);
    /// Clicks the field `objectName` (to focus it), selects what it holds and types `text`.
    bool typeInto(const QString &objectName, const QString &text);
    /// Types `text` (Latin-1) key by key into whatever has the focus.
    void type(const QString &text);
    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);

    /// Saves the window as `name`.png in $PARLEY_SCREENSHOT_DIR (set by tests/ui/CMakeLists.txt
    /// to the build folder); returns the file's path, or an empty string if it failed.
    QString screenshot(const QString &name) const;

private:
    /// Clicks `target` at `local` (its coordinates; a null optional: its centre).
    bool clickAt(QQuickItem *target, std::optional<QPointF> local, Qt::MouseButton button);

    std::unique_ptr<Client> m_client;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
};

} // namespace Parley
