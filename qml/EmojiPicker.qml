import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Parley

// Choosing any emoji: a search field that has the keyboard (type to search, arrows move in the
// grid, Enter chooses, Escape closes), tabs that jump to a group, and the grid under a header
// naming the group on top. Recently used emoji come first. The list, its search and the
// recents are the client's (Client.emoji); this only shows them and says what was chosen.
Popup {
    id: picker

    required property EmojiModel model
    // The composer's choices count as used here; reactions are counted by the Chat.
    property bool countsAsUse: true

    signal chosen(string emoji)

    objectName: "emojiPicker"
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: 372
    height: 440
    modal: true
    focus: true
    padding: Theme.spacingMedium
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    Material.background: Theme.surface
    Material.elevation: 0

    Overlay.modal: Rectangle {
        color: Theme.dark ? "#66000000" : "#33101828"
    }

    background: Rectangle {
        color: Theme.surface
        radius: 12
        border.color: Theme.divider
    }

    function choose(emoji) {
        if (!emoji)
            return
        if (countsAsUse)
            model.use(emoji)
        close()
        chosen(emoji)
    }

    onAboutToShow: {
        searchField.text = ""
        model.filter = ""
        grid.currentIndex = 0
        grid.positionViewAtBeginning()
    }
    onOpened: searchField.forceActiveFocus()

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        TextField {
            id: searchField
            objectName: "emojiSearchField"
            Layout.fillWidth: true
            placeholderText: qsTr("Search emoji")
            Accessible.name: qsTr("Search emoji")
            onTextChanged: {
                picker.model.filter = text
                grid.currentIndex = 0
                grid.positionViewAtBeginning()
            }
            Keys.onPressed: event => {
                switch (event.key) {
                case Qt.Key_Left: grid.moveCurrentIndexLeft(); break
                case Qt.Key_Right: grid.moveCurrentIndexRight(); break
                case Qt.Key_Up: grid.moveCurrentIndexUp(); break
                case Qt.Key_Down: grid.moveCurrentIndexDown(); break
                case Qt.Key_Return:
                case Qt.Key_Enter: picker.choose(grid.currentItem ? grid.currentItem.emoji : ""); break
                case Qt.Key_Escape: picker.close(); break
                default: return
                }
                event.accepted = true
            }
        }

        // One tab per group: the list scrolls to it.
        Row {
            Layout.fillWidth: true
            visible: searchField.text.trim().length === 0
            spacing: 0

            Repeater {
                model: picker.visible ? picker.model.groups : []

                delegate: ToolButton {
                    required property var modelData

                    objectName: "emojiGroupTab"
                    width: Math.floor(parent.width / Math.max(1, picker.model.groups.length))
                    implicitHeight: 32
                    padding: 0
                    text: modelData.emoji
                    font.pixelSize: Theme.fontSizeLarge
                    focusPolicy: Qt.NoFocus
                    Accessible.name: modelData.name
                    ToolTip.visible: hovered
                    ToolTip.delay: 600
                    ToolTip.text: modelData.name
                    onClicked: {
                        const row = picker.model.rowOfGroup(modelData.name)
                        if (row >= 0) {
                            grid.currentIndex = row
                            grid.positionViewAtIndex(row, GridView.Beginning)
                        }
                        searchField.forceActiveFocus()
                    }
                }
            }
        }

        Label {
            id: groupHeader
            objectName: "emojiGroupHeader"
            Layout.fillWidth: true
            // The group of the row at the top of the grid (recomputed as it scrolls).
            text: {
                if (grid.count === 0)
                    return qsTr("No emoji found")
                if (searchField.text.trim().length > 0)
                    return qsTr("Search results")
                const top = grid.indexAt(grid.contentX + 1, grid.contentY + 1)
                return picker.model.groupOf(top >= 0 ? top : 0)
            }
            font.pixelSize: Theme.fontSizeSmall + 1
            font.weight: Font.DemiBold
            color: Theme.secondaryText
            elide: Text.ElideRight
        }

        GridView {
            id: grid
            objectName: "emojiGrid"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            // Rows are read only while the picker shows (the catalogue is parsed on first use).
            model: picker.visible ? picker.model : null
            cellWidth: Math.floor(width / 8)
            cellHeight: 42
            keyNavigationEnabled: true
            boundsBehavior: Flickable.StopAtBounds
            highlightMoveDuration: 0
            highlight: Rectangle {
                color: Theme.selection
                radius: Theme.radius
            }
            ScrollBar.vertical: ScrollBar {}

            delegate: ToolButton {
                required property string emoji
                required property string name
                required property string group

                objectName: "emojiChoice"
                width: grid.cellWidth
                height: grid.cellHeight
                padding: 0
                text: emoji
                font.pixelSize: 24
                focusPolicy: Qt.NoFocus
                Accessible.name: name
                ToolTip.visible: hovered
                ToolTip.delay: 600
                ToolTip.text: name
                onClicked: picker.choose(emoji)
            }
        }
    }
}
