import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Parley

// The left column: who is logged in and the connection state, the search box that
// filters conversations by name, and the conversation list. The search button switches the
// box to searching the text of messages (the local cache): the list then shows the hits,
// and choosing one opens its conversation at that message.
Rectangle {
    id: sidebar

    required property Client client
    property real currentConversationId: -1
    readonly property int conversationCount: conversationList.count
    property bool searchingMessages: false

    signal conversationActivated(real conversationId)
    signal newChatRequested()
    signal newGroupRequested()
    signal settingsRequested()
    signal searchResultActivated(real conversationId, real seq)

    function searchMessages() {
        searchingMessages = true
        focusSearch()
    }

    onSearchingMessagesChanged: client.searchMessages(searchingMessages ? searchField.text : "")

    function focusSearch() {
        searchField.forceActiveFocus()
        searchField.selectAll()
    }

    color: Theme.sidebar

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // Who am I, am I connected, and the main actions.
        RowLayout {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.headerHeight
            Layout.leftMargin: Theme.spacingLarge
            Layout.rightMargin: Theme.spacing
            spacing: Theme.spacingMedium

            Avatar {
                implicitWidth: Theme.smallAvatarSize + 4
                implicitHeight: Theme.smallAvatarSize + 4
                objectName: "ownAvatar"
                name: sidebar.client.displayName.length > 0 ? sidebar.client.displayName
                                                            : sidebar.client.username
                source: sidebar.client.avatarSource
                showPresence: true
                online: sidebar.client.state === Client.Online
            }

            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0

                // The name I gave myself (Settings, Profile), in place of my username.
                Label {
                    objectName: "ownDisplayName"
                    Layout.fillWidth: true
                    visible: sidebar.client.displayName.length > 0
                    text: sidebar.client.displayName
                    elide: Text.ElideRight
                    font.pixelSize: Theme.fontSize + 1
                    font.weight: Font.DemiBold
                    color: Theme.text
                }
                // My username: under my display name when I gave one.
                Label {
                    objectName: "ownUsername"
                    Layout.fillWidth: true
                    readonly property bool secondary: sidebar.client.displayName.length > 0
                    text: sidebar.client.username
                    elide: Text.ElideRight
                    font.pixelSize: secondary ? Theme.fontSizeSmall : Theme.fontSize + 1
                    font.weight: secondary ? Font.Normal : Font.DemiBold
                    color: secondary ? Theme.secondaryText : Theme.text
                }
                Label {
                    objectName: "connectionState"
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                    font.pixelSize: Theme.fontSizeSmall + 1
                    color: sidebar.client.state === Client.Online ? Theme.online : Theme.secondaryText
                    // Reads client.language so that the word follows a language switch at once.
                    text: (sidebar.client.language, StateText.connection(sidebar.client.state))
                }
            }

            IconButton {
                objectName: "searchMessagesButton"
                iconName: "search"
                iconColor: sidebar.searchingMessages ? Theme.accent : Theme.secondaryText
                toolTipText: sidebar.searchingMessages ? qsTr("Back to conversations") : qsTr("Search messages (Ctrl+Shift+F)")
                onClicked: {
                    if (sidebar.searchingMessages)
                        sidebar.searchingMessages = false
                    else
                        sidebar.searchMessages()
                }
            }

            IconButton {
                objectName: "newChatButton"
                iconName: "chat-plus"
                toolTipText: qsTr("New chat (Ctrl+N)")
                onClicked: sidebar.newChatRequested()
            }

            IconButton {
                id: menuButton
                objectName: "mainMenuButton"
                iconName: "more"
                toolTipText: qsTr("Menu")
                onClicked: mainMenu.open()

                PopupMenu {
                    id: mainMenu
                    objectName: "mainMenu"
                    y: menuButton.height

                    MenuItem {
                        objectName: "newGroupMenuItem"
                        text: qsTr("New group…")
                        Accessible.name: text
                        onTriggered: sidebar.newGroupRequested()
                    }
                    MenuItem {
                        objectName: "settingsMenuItem"
                        text: qsTr("Settings…")
                        Accessible.name: text
                        onTriggered: sidebar.settingsRequested()
                    }
                    MenuSeparator {}
                    MenuItem {
                        objectName: "logoutMenuItem"
                        text: qsTr("Log out")
                        Accessible.name: text
                        onTriggered: logoutDialog.open()
                    }
                    MenuItem {
                        objectName: "quitMenuItem"
                        text: qsTr("Quit")
                        Accessible.name: text
                        onTriggered: Qt.quit()
                    }
                }

                LogoutDialog {
                    id: logoutDialog
                    client: sidebar.client
                }
            }
        }

        // What is still unsent, across conversations: opens the outbox panel.
        Button {
            objectName: "outboxButton"
            visible: sidebar.client.outbox.count > 0
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingMedium
            Layout.rightMargin: Theme.spacingMedium
            flat: true
            readonly property int failed: sidebar.client.outbox.failedCount
            readonly property int waiting: sidebar.client.outbox.count
            text: failed > 1 ? qsTr("%1 messages not sent").arg(failed)
                : failed === 1 ? qsTr("1 message not sent")
                : waiting > 1 ? qsTr("%1 messages waiting to be sent").arg(waiting)
                : qsTr("1 message waiting to be sent")
            Accessible.name: text
            onClicked: outboxPanel.open()
        }

        OutboxPanel {
            id: outboxPanel
            client: sidebar.client
        }

        TextField {
            id: searchField
            objectName: "searchField"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingMedium
            Layout.rightMargin: Theme.spacingMedium
            Layout.bottomMargin: Theme.spacing
            placeholderText: sidebar.searchingMessages ? qsTr("Search messages") : qsTr("Search conversations")
            leftPadding: 36
            selectByMouse: true
            Accessible.name: placeholderText
            Keys.onEscapePressed: {
                if (text.length === 0)
                    sidebar.searchingMessages = false
                text = ""
            }
            Keys.onDownPressed: {
                const list = sidebar.searchingMessages ? searchResultList : conversationList
                list.forceActiveFocus()
                list.currentIndex = 0
            }
            onTextChanged: {
                if (sidebar.searchingMessages)
                    sidebar.client.searchMessages(text)
            }

            Icon {
                anchors.left: parent.left
                anchors.leftMargin: Theme.spacing
                anchors.verticalCenter: parent.verticalCenter
                width: 18
                height: 18
                name: "search"
                color: Theme.secondaryText
            }
        }

        Binding {
            target: sidebar.client.conversations
            property: "filter"
            value: sidebar.searchingMessages ? "" : searchField.text
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 1
            color: Theme.divider
        }

        // Message search hits: where, who, and the words around the match.
        ListView {
            id: searchResultList
            objectName: "searchResultList"
            visible: sidebar.searchingMessages
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: sidebar.client.searchResults
            activeFocusOnTab: true
            keyNavigationEnabled: true
            currentIndex: -1
            boundsBehavior: Flickable.StopAtBounds
            Accessible.name: qsTr("Messages found")
            Accessible.role: Accessible.List
            // Enter opens the hit the arrows are on, whether or not that row has the focus.
            Keys.onReturnPressed: if (currentItem) currentItem.clicked()
            Keys.onEnterPressed: if (currentItem) currentItem.clicked()

            ScrollBar.vertical: ScrollBar {}

            delegate: ItemDelegate {
                id: hit

                required property real conversationId
                required property real seq
                required property string conversationTitle
                required property string senderName
                required property string snippet
                required property string snippetHtml
                required property var timestamp

                objectName: "searchResult"
                width: ListView.view.width
                highlighted: ListView.isCurrentItem && ListView.view.activeFocus
                Accessible.name: qsTr("%1, %2: %3").arg(conversationTitle).arg(senderName).arg(snippet)
                onClicked: sidebar.searchResultActivated(conversationId, seq)
                Keys.onReturnPressed: clicked()

                contentItem: ColumnLayout {
                    spacing: Theme.spacingTiny

                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            Layout.fillWidth: true
                            text: hit.conversationTitle
                            elide: Text.ElideRight
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }
                        Label {
                            text: Theme.formatTime(hit.timestamp)
                            font.pixelSize: Theme.fontSizeSmall
                            color: Theme.secondaryText
                        }
                    }
                    Label {
                        objectName: "searchResultSnippet"
                        Layout.fillWidth: true
                        text: hit.senderName.length > 0 ? hit.senderName + ": " + hit.snippetHtml : hit.snippetHtml
                        textFormat: Text.StyledText
                        elide: Text.ElideRight
                        maximumLineCount: 2
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.fontSizeSmall + 1
                        color: Theme.secondaryText
                    }
                }
            }

            Label {
                objectName: "noSearchResultsLabel"
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.spacingHuge
                visible: searchResultList.count === 0 && !sidebar.client.searchResults.busy
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                color: Theme.secondaryText
                text: searchField.text.trim().length > 0
                      ? qsTr("No message matches “%1”.").arg(searchField.text.trim())
                      : qsTr("Type to search the messages on this device.")
            }
        }

        ListView {
            id: conversationList
            objectName: "conversationList"
            visible: !sidebar.searchingMessages
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: sidebar.client.conversations
            activeFocusOnTab: true
            keyNavigationEnabled: true
            highlightFollowsCurrentItem: false
            currentIndex: -1
            boundsBehavior: Flickable.StopAtBounds
            Accessible.name: qsTr("Conversations")
            Accessible.role: Accessible.List

            ScrollBar.vertical: ScrollBar {}

            delegate: ConversationDelegate {
                width: ListView.view.width
                selected: conversationId === sidebar.currentConversationId
                presenceKnown: sidebar.client.state === Client.Online
                keyboardCurrent: ListView.isCurrentItem && ListView.view.activeFocus
                onActivated: sidebar.conversationActivated(conversationId)
                onContextMenuRequested: (x, y) => {
                    conversationMenu.conversationId = conversationId
                    conversationMenu.muted = muted
                    conversationMenu.popup()
                }
            }

            Keys.onReturnPressed: if (currentItem) currentItem.activated()
            Keys.onEnterPressed: if (currentItem) currentItem.activated()

            Label {
                objectName: "noConversationsLabel"
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.spacingHuge
                visible: conversationList.count === 0
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                color: Theme.secondaryText
                text: searchField.text.length > 0
                      ? qsTr("No conversation matches “%1”.").arg(searchField.text)
                      : qsTr("No conversations yet.\nStart one with the button above.")
            }
        }
    }

    PopupMenu {
        id: conversationMenu
        objectName: "conversationMenu"

        property real conversationId: -1
        property bool muted: false

        MenuItem {
            objectName: "muteMenuItem"
            text: conversationMenu.muted ? qsTr("Unmute notifications") : qsTr("Mute notifications")
            Accessible.name: text
            onTriggered: sidebar.client.chat(conversationMenu.conversationId).setMuted(!conversationMenu.muted)
        }
        MenuItem {
            objectName: "markReadMenuItem"
            text: qsTr("Mark as read")
            Accessible.name: text
            onTriggered: sidebar.client.chat(conversationMenu.conversationId).markRead()
        }
    }
}
