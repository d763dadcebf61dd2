import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Parley

// The left column: who is logged in and the connection state, the search box that
// filters conversations by name, and the conversation list.
Rectangle {
    id: sidebar

    required property Client client
    property real currentConversationId: -1
    readonly property int conversationCount: conversationList.count

    signal conversationActivated(real conversationId)
    signal newChatRequested()
    signal newGroupRequested()
    signal settingsRequested()

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
                name: sidebar.client.username
                showPresence: true
                online: sidebar.client.state === Client.Online
            }

            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0

                Label {
                    objectName: "ownUsername"
                    Layout.fillWidth: true
                    text: sidebar.client.username
                    elide: Text.ElideRight
                    font.pixelSize: Theme.fontSize + 1
                    font.weight: Font.DemiBold
                    color: Theme.text
                }
                Label {
                    objectName: "connectionState"
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                    font.pixelSize: Theme.fontSizeSmall + 1
                    color: sidebar.client.state === Client.Online ? Theme.online : Theme.secondaryText
                    text: {
                        switch (sidebar.client.state) {
                        case Client.Online: return qsTr("Online")
                        case Client.Connecting: return qsTr("Connecting…")
                        default: return qsTr("Offline")
                        }
                    }
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
                        onTriggered: sidebar.client.logout()
                    }
                }
            }
        }

        TextField {
            id: searchField
            objectName: "searchField"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingMedium
            Layout.rightMargin: Theme.spacingMedium
            Layout.bottomMargin: Theme.spacing
            placeholderText: qsTr("Search conversations")
            leftPadding: 36
            selectByMouse: true
            Accessible.name: qsTr("Search conversations")
            Keys.onEscapePressed: text = ""
            Keys.onDownPressed: {
                conversationList.forceActiveFocus()
                conversationList.currentIndex = 0
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
            value: searchField.text
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 1
            color: Theme.divider
        }

        ListView {
            id: conversationList
            objectName: "conversationList"
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
            onTriggered: sidebar.client.setMuted(conversationMenu.conversationId, !conversationMenu.muted)
        }
        MenuItem {
            objectName: "markReadMenuItem"
            text: qsTr("Mark as read")
            Accessible.name: text
            onTriggered: sidebar.client.markRead(conversationMenu.conversationId)
        }
    }
}
