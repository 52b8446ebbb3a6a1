extension Tour {
    /// Whether a line typed now is text rather than a command (the line-by-line mode): a part
    /// of the book's form, a first name on joining a group, or a guide's closing words.
    public func awaitsText(_ state: TourState) -> Bool {
        switch state.visit.overlay?.kind {
        case .joinGroup?: return state.visit.group.namingStep
        case .endGroup?: return true
        case .book(.write)?: return bookFieldChosen(state)
        default: return false
        }
    }
}
