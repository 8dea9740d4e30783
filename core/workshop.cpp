// The workshop block: votes, agenda step and countdown timer, changed through commands
// (include/trayecto/workshop.hpp).
#include "trayecto/workshop.hpp"

#include <algorithm>

#include "format_internal.hpp"

namespace trayecto {

double timerRemaining(const WorkshopTimer& timer, double nowMs) {
    const double left = timer.running() ? (timer.endsAt - nowMs) / 1000.0 : timer.remaining;
    return std::max(0.0, left);
}

int votesCast(const Map& m, const Id& participant) {
    const auto ballot = m.workshop.ballots.find(participant);
    if (ballot == m.workshop.ballots.end()) return 0;
    return static_cast<int>(std::count_if(ballot->second.begin(), ballot->second.end(),
                                          [&](const Id& card) { return findCard(m, card) != nullptr; }));
}

int votesLeft(const Map& m, const Id& participant) {
    return std::max(0, m.workshop.votesPerPerson - votesCast(m, participant));
}

namespace cmd {

Command setWorkshop(const Map& m, Workshop workshop, std::string name) {
    if (format::workshopText(workshop) == format::workshopText(m.workshop)) return {};
    return Command{std::move(name), {edit::SetWorkshop{std::move(workshop)}}};
}

Command setVoting(const Map& m, bool voting, int votesPerPerson) {
    Workshop w = m.workshop;
    w.voting = voting;
    w.votesPerPerson = std::clamp(votesPerPerson, 1, kMaxVotesPerPerson);
    const char* name = voting == m.workshop.voting ? "Set votes per person"
                       : voting                     ? "Start dot voting"
                                                    : "Stop dot voting";
    return setWorkshop(m, std::move(w), name);
}

Command vote(const Map& m, const Id& participant, const Id& cardId, int delta) {
    const Card* card = findCard(m, cardId);
    if (!m.workshop.voting || participant.empty() || (delta != 1 && delta != -1) || !card ||
        (card->kind != CardKind::PainPoint && card->kind != CardKind::Opportunity))
        return {};
    Workshop w = m.workshop;
    std::vector<Id>& ballot = w.ballots[participant];
    Card voted = *card;
    if (delta > 0) {
        if (votesLeft(m, participant) <= 0 || card->votes >= kMaxVotes) return {};
        ballot.push_back(cardId);
    } else {
        const auto mine = std::find(ballot.rbegin(), ballot.rend(), cardId);
        if (mine == ballot.rend() || card->votes <= 0) return {};
        ballot.erase(std::next(mine).base());
        if (ballot.empty()) w.ballots.erase(participant);
    }
    voted.votes += delta;
    return Command{delta > 0 ? "Vote" : "Take back a vote",
                   {edit::Replace{Item{std::move(voted)}}, edit::SetWorkshop{std::move(w)}}};
}

Command setParticipantName(const Map& m, const std::string& name) {
    const auto first = name.find_first_not_of(" \t\r\n");
    const auto last = name.find_last_not_of(" \t\r\n");
    Workshop w = m.workshop;
    w.participant = first == std::string::npos ? std::string() : name.substr(first, last - first + 1);
    return setWorkshop(m, std::move(w), "Name the participant");
}

Command setAgendaStep(const Map& m, int step) {
    Workshop w = m.workshop;
    w.agendaStep = std::clamp(step, 0, kAgendaSteps - 1);
    return setWorkshop(m, std::move(w), "Go to agenda step");
}

Command setTimerMinutes(const Map& m, int minutes) {
    Workshop w = m.workshop;
    w.timer.minutes = std::clamp(minutes, 1, kMaxTimerMinutes);
    if (!w.timer.running()) w.timer.remaining = w.timer.minutes * 60.0;
    return setWorkshop(m, std::move(w), "Set timer minutes");
}

Command startTimer(const Map& m, double nowMs) {
    if (m.workshop.timer.running()) return {};
    Workshop w = m.workshop;
    WorkshopTimer& t = w.timer;
    if (t.remaining <= 0) t.remaining = t.minutes * 60.0;
    t.endsAt = nowMs + t.remaining * 1000.0;
    return setWorkshop(m, std::move(w), "Start timer");
}

Command pauseTimer(const Map& m, double nowMs) {
    if (!m.workshop.timer.running()) return {};
    Workshop w = m.workshop;
    w.timer.remaining = timerRemaining(w.timer, nowMs);
    w.timer.endsAt = 0;
    return setWorkshop(m, std::move(w), "Pause timer");
}

Command resetTimer(const Map& m) {
    Workshop w = m.workshop;
    w.timer.endsAt = 0;
    w.timer.remaining = w.timer.minutes * 60.0;
    return setWorkshop(m, std::move(w), "Reset timer");
}

}  // namespace cmd

}  // namespace trayecto
