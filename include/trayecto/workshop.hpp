// The workshop block of a map (Workshop in model.hpp): dot voting, the agenda step and the
// countdown timer, and the builders of the commands that change them. The timer's ticking is not
// a change: what is left is worked out from when it ends and a clock the caller gives
// (milliseconds since the Unix epoch). The merge report and crowd curves are set by a merge
// (merge.hpp).
#pragma once

#include <string>

#include "trayecto/commands.hpp"
#include "trayecto/model.hpp"

namespace trayecto {

// Seconds left on the countdown at `nowMs` (never below 0).
double timerRemaining(const WorkshopTimer& timer, double nowMs);

// The votes `participant` has cast on cards the map still has, and how many they have left.
int votesCast(const Map& m, const Id& participant);
int votesLeft(const Map& m, const Id& participant);

namespace cmd {
// (setWorkshop, which sets the whole block, is in commands.hpp.)
// Turns dot voting on or off with each participant's allowance (clamped to
// 1..kMaxVotesPerPerson). The ballots cast so far stay.
Command setVoting(const Map& m, bool voting, int votesPerPerson);
// One vote (+1) or one taken back (-1) by `participant` on a pain point or opportunity: the
// card's votes and the participant's ballot change in one command. Empty when not allowed:
// voting is off, the card is missing or of another kind, the participant has no votes left, or
// has no vote on that card to take back.
Command vote(const Map& m, const Id& participant, const Id& cardId, int delta);
// Names the participant this copy belongs to (workshop.participant; trimmed, "" clears it).
Command setParticipantName(const Map& m, const std::string& name);
Command setAgendaStep(const Map& m, int step);        // clamped to 0..kAgendaSteps-1
// The minutes a reset sets (clamped to 1..kMaxTimerMinutes); a stopped timer shows them at once.
Command setTimerMinutes(const Map& m, int minutes);
Command startTimer(const Map& m, double nowMs);       // empty when it is running
Command pauseTimer(const Map& m, double nowMs);       // empty when it is not running
Command resetTimer(const Map& m);                     // stopped at its full minutes
}  // namespace cmd

}  // namespace trayecto
