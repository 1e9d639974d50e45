package demo

import (
	"time"

	"caseload/internal/domain"
)

// caseRecords are the records of the cases the stories open, by the person's name as
// Person.Name() gives it. Everything is invented. The formulations follow the service's
// sections (the five Ps, a risk scenario, strengths and goals in the person's own
// words, the plan) in the team's own words: no structured professional judgement
// manual's item wording appears. Versions leave sections empty where the team had not
// yet written them.
//
// Times are weekdays counted back from now (see weekday): every case is open at least
// that long, whatever now is, and a person's contacts in custody come before the
// release date their referral gives. The tests check both at every hour of a year.
var caseRecords = map[string]caseRecord{
	// Opened about eleven weeks ago; released about a month ago to Haworth House.
	"Nathaniel Brown": {
		formulation: []version{
			{by: lead, saves: []save{{weekday(44, 10, 0), nathanielStart}, {weekday(43, 15, 0), nathanielV1}}, signed: weekday(42, 11, 30)},
			{by: lead, saves: []save{{weekday(11, 9, 30), nathanielV2}}, signed: weekday(10, 16, 0)},
			{by: lead, saves: []save{{weekday(4, 14, 0), nathanielV3Start}, {weekday(2, 11, 0), nathanielV3}}}, // a draft
		},
		notes: []noteStory{
			{by: lead, kind: domain.NoteInCustody, at: weekday(50, 10, 30), minutes: 90,
				present: "Nathaniel Brown; Dr Amara Okonkwo-Reid (clinical psychologist); Sanjay Mistry (assistant psychologist)",
				text: "First meeting, in a legal visits room at {prison}. Introduced the service and what it can offer before and after release.\n\n" +
					"Explained plainly what is shared, with whom and why (MAPPA, CT Policing, the COM and the Approved Premises), and what stays in the session. " +
					"He asked careful questions and said it was \"the first time anyone's told me straight\".\n\n" +
					"He chose to talk about release rather than the offence today. His worries: being recognised, the AP's rules, and sleep. " +
					"He would like his gran to know he is working with the service, and will tell her himself.\n\n" +
					"No immediate concerns. Next session next week."},
			{by: lead, kind: domain.NoteProfessionals, at: weekday(47, 14, 0), minutes: 60,
				present: "DS Kerry Ashworth (MAPPA coordinator); DC Imogen Royle (CT Policing); {COM} (COM); {POM} (POM); Lorraine Cottam (Haworth House AP); Dr Amara Okonkwo-Reid",
				text: "MAPPA level 3 planning meeting, by video, ahead of release to Haworth House.\n\n" +
					"Shared the service's early understanding: the risk is bound up with isolation, grievance and the need to belong, and his engagement is genuine but guarded.\n\n" +
					"Agreed: the COM will explain the licence conditions on devices to him in person, with the reasons; his AP keyworker will be Lorraine Cottam; " +
					"the service will complete the risk formulation jointly with CT Policing before release. Minutes to follow from the coordinator."},
			{by: lead, kind: domain.NoteInCustody, at: weekday(45, 10, 0), minutes: 75,
				present: "Nathaniel Brown; Dr Amara Okonkwo-Reid",
				text: "Formulation session. Worked through a draft timeline with him: the care placements, the year he lost his job and his relationship, the months online.\n\n" +
					"He stopped at the online part and said \"that's where I went wrong, but it's also where people listened\". " +
					"We named that as the centre of the formulation: belonging and being heard.\n\n" +
					"He agreed to the draft being shared with the MAPPA panel once he has read it himself."},
			{by: assistant, kind: domain.NoteRiskForum, at: weekday(40, 9, 45), minutes: 45,
				present: "Dr Amara Okonkwo-Reid (presenting); Dr Tom Halliwell; Dr Niamh Ó Dálaigh; Beth Armitage; Sanjay Mistry (minutes)",
				text: "Service risk forum. Dr Okonkwo-Reid presented the signed formulation (version 1).\n\n" +
					"Discussion: weekly sessions at the AP could feel like more surveillance. Agreed to ask Nathaniel how often he wants to meet, " +
					"and to keep sessions separate from police contact. Imminence and likelihood to be agreed at the joint meeting with CT Policing.\n\n" +
					"Actions: AO to see him once more before release; SM to send the AP the service's contact card."},
			{by: lead, kind: domain.NoteFaceToFace, at: weekday(19, 11, 0), minutes: 60,
				present: "Nathaniel Brown; Dr Amara Okonkwo-Reid; Lorraine Cottam (AP keyworker, first 15 minutes)",
				text: "First session at Haworth House since release. He looked tired and said the first days have felt \"like being on a stage\". " +
					"He is keeping the curfew and signing in on time.\n\n" +
					"Sleep is poor: four to five hours, nightmares most nights. He has not used cannabis and does not want to. " +
					"We agreed to start with sleep. He chose the time for sessions (Tuesday mornings) and said choosing it \"helps, weirdly\".\n\n" +
					"No warning signs seen. He was open about feeling watched, which we named as understandable rather than a problem to fix."},
			{by: lead, kind: domain.NoteAttemptedContact, at: weekday(16, 15, 30), minutes: 15,
				present: "Not seen",
				text: "Planned session at Haworth House. Nathaniel was not in: staff said he had been called to the Jobcentre at short notice and had signed out properly. " +
					"Left a note with staff, then phoned him and rearranged for Thursday. He apologised; told him there was nothing to apologise for."},
			{by: lead, kind: domain.NoteMDT, at: weekday(12, 10, 0), minutes: 30,
				present: "Dr Amara Okonkwo-Reid; Dr Tom Halliwell; Dr Niamh Ó Dálaigh; Sanjay Mistry; Beth Armitage",
				text: "Weekly MDT. Keeping all the AP's rules. One argument with another resident over the kitchen, settled by staff; " +
					"he then stayed in his room all weekend, which AP staff noticed and raised with him.\n\n" +
					"Team view: withdrawing after a conflict is one of his early warning signs and belongs in the formulation. Version 2 to be drafted this week."},
			{by: lead, kind: domain.NoteVideo, at: weekday(6, 14, 0), minutes: 50,
				present: "Nathaniel Brown (from the AP interview room); Dr Amara Okonkwo-Reid",
				text: "Session by video, his choice after a bad night. Went through version 2 of the formulation together. " +
					"He agreed with most of it and asked for the line about his gran to be changed: \"she's not a protective factor, she's my gran\". " +
					"Agreed to change it in the next version.\n\n" +
					"Nightmares a little less often since he started the wind-down routine. Talked about the forklift course, which he starts soon."},
			// Started more than a day ago and not yet signed: the home screen flags it.
			{by: lead, kind: domain.NoteFaceToFace, at: weekday(3, 10, 0), minutes: 60, written: weekday(3, 15, 20), draft: true,
				present: "Nathaniel Brown; Dr Amara Okonkwo-Reid",
				text:    "Session at Haworth House. He described the first time he has felt \"bored in a good way\": a day with the course, tea with his gran, and nothing else.\n\n",
				more:    "Talked about moving on from the AP. To add: what he wants from the move, and",
				moreAt:  weekday(2, 9, 10)},
		},
	},

	// Opened about eight weeks ago; released this last week, to Wyre.
	"Kofi Boateng": {
		formulation: []version{
			{by: niamh, saves: []save{{weekday(30, 9, 30), kofiV1}}, signed: weekday(28, 16, 0)},
			{by: niamh, saves: []save{{weekday(9, 10, 0), kofiV2}}, signed: weekday(8, 15, 0)},
		},
		notes: []noteStory{
			{by: niamh, kind: domain.NoteInCustody, at: weekday(34, 10, 0), minutes: 60,
				present: "Kofi Boateng; Dr Niamh Ó Dálaigh (clinical psychologist); Dr Rebecca Ince (OPD pathway psychologist)",
				text: "Joint first meeting with Dr Ince, who has worked with Kofi for three years, so that the move from the OPD pathway to the service is a handover rather than a new start.\n\n" +
					"Kofi said he was \"fed up of telling the story\". Agreed that we will read the OPD formulation and he will tell us only what he wants to add.\n\n" +
					"Release is to Wyre. His main hope is contact with his daughter."},
			// A late entry: signed two working days after the session.
			{by: niamh, kind: domain.NoteInCustody, at: weekday(31, 14, 30), minutes: 90, written: weekday(29, 9, 30),
				present: "Kofi Boateng; Dr Niamh Ó Dálaigh",
				text: "Late entry: written two days after the session, as the rest of that afternoon went on an urgent safeguarding call for another case.\n\n" +
					"Formulation session. Built the five Ps with him on paper. He named the pattern himself: \"someone makes me look small, I've had a drink, and I go.\"\n\n" +
					"He asked for \"mugged off\" to stay in the warning signs because \"that's what it feels like\". " +
					"Reading is slow for him; he asked for the formulation to be read through with him rather than handed over, which is agreed."},
			{by: niamh, kind: domain.NoteTelephone, at: weekday(25, 11, 0), minutes: 20,
				present: "{COM} (COM); Dr Niamh Ó Dálaigh",
				text: "Call with the COM about release planning. A flat in Fleetwood is agreed in principle. " +
					"Licence conditions discussed: no contact with the victim (agreed); an alcohol condition (the COM is considering it).\n\n" +
					"Agreed to share the signed formulation with the COM; Kofi knows and has agreed."},
			{by: niamh, kind: domain.NoteVideo, at: weekday(20, 10, 30), minutes: 45,
				present: "Kofi Boateng (prison video link); Dr Niamh Ó Dálaigh",
				text: "Session by video link. His daughter's mother has agreed to supervised contact after release, at a family centre. " +
					"He cried talking about it, then apologised; said it was fine to. His daughter is 9 and \"into football, like me\".\n\n" +
					"Went over the two times this month he walked away from arguments on the wing, and what helped: leaving before he answered. " +
					"He wants to practise what to say if someone challenges him in a pub; we will rehearse it next time.",
				addenda: []addendumStory{{by: niamh, at: weekday(19, 9, 15), kind: domain.AddendumCorrection,
					text: "Correction: the note gives Kofi's daughter's age as 9. She is 11; he said so at the end of the call, and I did not amend the draft before signing. Nothing else in the note changes."}}},
			{by: niamh, kind: domain.NoteProfessionals, at: weekday(12, 13, 30), minutes: 60,
				present: "{COM} (COM); {POM} (POM); Dr Rebecca Ince (OPD); Dr Niamh Ó Dálaigh; Kofi Boateng (last 20 minutes)",
				text: "Pre-release planning meeting. Agreed the first month: weekly COM appointments; fortnightly sessions with the service at the probation office in Fleetwood; " +
					"an alcohol service assessment, booked; an adult literacy course at the college, start date to follow.\n\n" +
					"Kofi joined for the last 20 minutes and chose the day that suits him (Thursdays)."},
			{by: niamh, kind: domain.NoteRiskForum, at: weekday(7, 10, 0), minutes: 30,
				present: "Dr Amara Okonkwo-Reid (chair); Dr Niamh Ó Dálaigh (presenting); Dr Tom Halliwell; Sanjay Mistry",
				text: "Risk forum review before release. Presented version 2 of the formulation, with imminence and likelihood now written.\n\n" +
					"New concern: a man in Fleetwood to whom Kofi owes money. Agreed: ask Kofi about it directly; the COM to consider an exclusion zone; " +
					"a plan with Kofi for what he does if they meet."},
			{by: niamh, kind: domain.NoteFaceToFace, at: weekday(1, 11, 0), minutes: 50,
				present: "Kofi Boateng; Dr Niamh Ó Dálaigh",
				text: "First session since release, at the probation office in Fleetwood. He arrived early. Staying at the flat; has had the alcohol service assessment; not drinking.\n\n" +
					"On his second day out he saw the man he owes money to across the street, crossed over and went home, as planned. " +
					"We went through it step by step; he was proud of it, and said so.\n\n" +
					"Supervised contact with his daughter is booked. No warning signs seen."},
			// A draft started today or yesterday afternoon.
			{by: niamh, kind: domain.NoteTelephone, at: lately(0), minutes: 15, draft: true,
				present: "Kofi Boateng; Dr Niamh Ó Dálaigh",
				text:    "Kofi rang: a letter from the council about his housing benefit that he could not read. Read it through with him on the phone; it asks for "},
		},
	},

	// Opened about seven weeks ago; still in custody, released to Cumberland soon.
	"Patrick Kavanagh-Reilly": {
		formulation: []version{
			{by: tom, saves: []save{{weekday(22, 10, 0), patrickStart}, {weekday(21, 16, 0), patrickV1}}, signed: weekday(20, 12, 0)},
		},
		notes: []noteStory{
			{by: tom, kind: domain.NoteProfessionals, at: weekday(28, 10, 30), minutes: 60,
				present: "{COM} (COM); DS Mark Hinchcliffe (MAPPA coordinator); Helen Ashcroft (CMHT, Carlisle); Dr Tom Halliwell",
				text: "Professionals meeting by video to plan the service's work before release to Cumberland.\n\n" +
					"He has dropped out of services four times. Agreed by everyone: a missed appointment will be followed up, not treated as a refusal, " +
					"and Patrick will be told this plainly. Restraining order and disclosure arrangements discussed; MAPPA level 2."},
			{by: tom, kind: domain.NoteAttemptedContact, at: weekday(26, 9, 30), minutes: 10,
				present: "Not seen",
				text: "Booked visit at {prison}. Patrick declined to come to the visits hall; the officer said he told her \"not today\". " +
					"Respected his choice. Left a short letter saying who I am, that the service will come back, and that he can choose the day."},
			{by: tom, kind: domain.NoteInCustody, at: weekday(24, 14, 0), minutes: 60,
				present: "Patrick Kavanagh-Reilly; Dr Tom Halliwell",
				text: "First meeting. He came, sat near the door and said he might leave; agreed that he could. He stayed the hour.\n\n" +
					"Talked about roofing and his brother's children. Asked what he wants from the service, he said \"for you not to give up on me like the rest\", " +
					"and asked for that to be written down in his words.\n\n" +
					"Explained the limits of confidentiality, including MAPPA and the restraining order."},
			{by: tom, kind: domain.NoteInCustody, at: weekday(17, 10, 0), minutes: 75,
				present: "Patrick Kavanagh-Reilly; Dr Tom Halliwell",
				text: "Shared the first part of the formulation (the five Ps), as he asked to hear it in two parts.\n\n" +
					"He agreed with most of it and corrected one thing: it is not that he wants control, he is \"terrified of being left\". " +
					"The next version will say both, in his words.\n\n" +
					"He went quiet when we reached his childhood; paused and offered to stop, and he chose to go on. Grounding at the end; he left settled."},
			{by: tom, kind: domain.NoteTelephone, at: weekday(9, 15, 0), minutes: 25,
				present: "Helen Ashcroft (CMHT, Carlisle); Dr Tom Halliwell",
				text: "Call with Helen Ashcroft. The CMHT has accepted the referral; the first appointment will be joint with the service, in the week after release. " +
					"She will see him by video before then if he agrees."},
			{by: tom, kind: domain.NoteInCustody, at: weekday(4, 10, 0), minutes: 60,
				present: "Patrick Kavanagh-Reilly; Dr Tom Halliwell",
				text: "Shared the second part of the formulation: the risk scenario and what would reduce it. " +
					"He read the warning signs aloud and said the one about checking her phone \"is me, that's exactly me\".\n\n" +
					"He will write his own list of early signs for next time. He would like his brother to see the plan."},
			{by: tom, kind: domain.NoteTelephone, at: lately(35 * time.Minute), minutes: 10, draft: true,
				present: "{POM} (POM); Dr Tom Halliwell",
				text:    "Call from the POM: Patrick has asked to move the next visit to a morning, because of his work on the wing. Agreed. Also"},
		},
	},

	// Opened about six weeks ago; in custody, then Highfield House on release.
	"Ciarán Ó Súilleabháin": {
		formulation: []version{
			{by: tom, saves: []save{{weekday(13, 9, 30), ciaranV1}}, signed: weekday(12, 15, 30)},
		},
		notes: []noteStory{
			{by: tom, kind: domain.NoteVideo, at: weekday(18, 11, 0), minutes: 45,
				present: "Ciarán Ó Súilleabháin (prison video link); Amy Threlfall (RECONNECT care navigator); Dr Tom Halliwell",
				text: "First meeting, by video link, with Amy Threlfall from RECONNECT, whom he knows. Introduced the service.\n\n" +
					"Ciarán said he wants to \"understand the fire, so it never happens again\". Agreed fortnightly sessions in person, and that he can bring notes."},
			// Emoji, a right-to-left phrase and one long line, which must all show intact.
			{by: tom, kind: domain.NoteInCustody, at: weekday(16, 14, 0), minutes: 90,
				present: "Ciarán Ó Súilleabháin; Dr Tom Halliwell",
				text: "Second session. He arrived early and said he had been \"looking forward to this one\".\n\n" +
					"He showed me the card his niece sent for his birthday, pinned above his bed: \"Happy birthday Uncle Ciarán 🎂🎈 see you soon ❤️😊\". " +
					"He said it is the first birthday card he has had in years and it \"keeps me going\" 👍.\n\n" +
					"He is enjoying the Arabic class in education and read out this week's phrase, «صباح الخير يا صديقي» (good morning, my friend). " +
					"He wants to carry on with it at college after release.\n\n" +
					"We went over the timeline of the fire at his pace; he chose to start with the weeks before rather than the night itself, and paused once. " +
					"Timeline, in his words and in his order: " +
					"the warning letter from his landlord, then the phone cut off, then three nights without sleep, then drinking on his own from the Thursday, " +
					"then his brother not answering, then the smoke alarm he had taken the battery out of because \"it kept going off when I cooked\", " +
					"then lighting the papers in the sink \"to make it stop, not to hurt anyone\", then the neighbour banging on the door, " +
					"then sitting on the stairs outside while the fire service came, which is the part he says he still hears at night and finds hardest of all.\n\n" +
					"Grounding at the end. Next session in a fortnight."},
			{by: tom, kind: domain.NoteProfessionals, at: weekday(10, 10, 0), minutes: 45,
				present: "Dean Fairclough (Highfield House AP keyworker); {COM} (COM); Amy Threlfall (RECONNECT); Dr Tom Halliwell",
				text: "Meeting with the Approved Premises and the COM about the stay at Highfield House.\n\n" +
					"AP staff asked what to do if he disables a smoke alarm. Agreed: treat it as a warning sign to talk about with him, not only as a broken rule, " +
					"and tell the service the same day. A room near the staff office is offered. Move-on to Westmorland and Furness after about three months, with RECONNECT.",
				addenda: []addendumStory{{by: lead, at: weekday(8, 16, 30), kind: domain.AddendumLaterInfo,
					text: "Later information: Highfield House wrote to say that the room is held from his release date, " +
						"and that their fire safety lead will meet Ciarán and Dr Halliwell in his first week."}}},
			{by: tom, kind: domain.NoteTelephone, at: weekday(5, 9, 30), minutes: 15,
				present: "{POM} (POM); Dr Tom Halliwell",
				text: "Call with the POM. Ciarán is sleeping better since moving to a quieter landing. " +
					"He has asked for a copy of the signed formulation to keep; the POM will give it to him at the next visit, in an envelope, as he asked."},
			{by: niamh, kind: domain.NoteInCustody, at: weekday(2, 14, 0), minutes: 60,
				present: "Ciarán Ó Súilleabháin; Dr Niamh Ó Dálaigh",
				text: "Seen by Dr Ó Dálaigh while Dr Halliwell was at a MAPPA meeting; Ciarán agreed to the change beforehand.\n\n" +
					"Worked on his plan for bad nights, which he wrote himself: ring his brother, make a tea, go and sit near the staff office, " +
					"\"don't touch anything that burns\". He wants Dr Halliwell to see it."},
		},
	},

	// Opened a few days ago, after a deferral; in custody.
	"Björn Ekström": {
		formulation: []version{
			{by: nurse, saves: []save{{weekday(1, 16, 10), bjornStart}, {weekday(1, 16, 45), bjornV1}}}, // only a draft
		},
		notes: []noteStory{
			{by: nurse, kind: domain.NoteTelephone, at: afterOpening(40 * time.Minute), minutes: 15,
				present: "{POM} (POM); Beth Armitage (nurse)",
				text: "Call with the POM after the consultation. Björn has been told the service accepted the referral. " +
					"He asked that the first meeting be short and that he can leave when he wants. Visit booked. " +
					"The POM says mornings can be hard for him, as he collects his medication then."},
			{by: nurse, kind: domain.NoteAttemptedContact, at: weekday(1, 9, 30), minutes: 10,
				present: "Not seen",
				text: "Booked visit at {prison}. Björn was at the healthcare unit collecting his medication; not seen. " +
					"Left a message through the wing officer and rebooked for 13:30 the same day, which he accepted."},
			{by: nurse, kind: domain.NoteInCustody, at: weekday(1, 13, 30), minutes: 45,
				present: "Björn Ekström; Beth Armitage (nurse); Dr Niamh Ó Dálaigh (clinical psychologist)",
				text: "First meeting, kept short at his request; the door stayed open, as he asked.\n\n" +
					"He said he \"doesn't do professionals\" and came because Dr Ince asked him to. We talked about his work in the prison gardens. " +
					"He asked whether working with the service would affect his parole, and was answered honestly.\n\n" +
					"He agreed to meet again next week, with Dr Ó Dálaigh."},
			{by: niamh, kind: domain.NoteProfessionals, at: weekday(1, 15, 0), minutes: 30,
				present: "Dr Rebecca Ince (OPD pathway psychologist); Dr Niamh Ó Dálaigh; Beth Armitage",
				text: "Handover from Dr Ince, by video. Her formulation centres on early and repeated restraint in care, " +
					"and on his violence during restraint as fear rather than aggression.\n\n" +
					"Agreed: the service avoids anything that feels like restraint (doors open, seats near the exit); Dr Ince stays involved until release."},
		},
	},
}

const nathanielOffence = "Nathaniel is serving a sentence for a terrorism-connected offence: he shared material online that encouraged violence against a minority community, " +
	"and held documents that could be useful to an attack. He has not been physically violent to anyone."

// Nathaniel's formulation: the first draft, version 1 as signed before release, version
// 2 after it (imminence and likelihood agreed with CT Policing, the first weeks at the
// Approved Premises), and the draft of version 3.
var (
	nathanielStart = map[domain.SectionID]string{
		"presenting":   nathanielOffence,
		"predisposing": nathanielV1["predisposing"],
	}
	nathanielV1 = map[domain.SectionID]string{
		"presenting": nathanielOffence + "\n\nIn custody he is polite, guarded and watchful. He keeps to himself on the wing and says staff " +
			"\"already decided who I am\". He describes poor sleep, anger that comes \"out of nowhere\" and a sense of being judged all the time. " +
			"Release to Haworth House Approved Premises, Blackburn, is planned.",
		"predisposing": "His father was violent at home. He was taken into care at 12 and moved between five placements in three years. " +
			"He says he \"never belonged anywhere\" and learned early that adults leave. Left school at 15, after exclusions, without qualifications. " +
			"Heavy cannabis use from 15 to 20, for sleep and nightmares. No diagnosed mental disorder; in-reach noted signs of complex trauma (hypervigilance, nightmares, shame).",
		"precipitating": "In his early twenties he lost his warehouse job and, within a month, his relationship. He spent most nights online, " +
			"where a group offered belonging, a cause, and someone to blame for how he felt. His posts grew more extreme as the group praised them.",
		"perpetuating": "Isolation, and few other sources of identity or status. Distrust of professionals, which monitoring can seem to confirm " +
			"(\"everyone's watching me and waiting\"). Shame about the offence, managed by playing it down. Cannabis for sleep. People online who still try to contact him.",
		"protective": "Engages consistently with his POM and with education (English and maths passed in custody). His mother and his gran have started visiting again. " +
			"He does not want his gran \"to see me on the news\". No history of physical violence.",
		"risk_nature": "Repeat (most likely): when isolated and aggrieved, he re-engages with an extremist network online and again makes or shares material that encourages violence. " +
			"Escalation (worst case): moving from words to helping others plan, or planning, an attack. " +
			"Improvement: contact with the network stays broken, and grievance is talked through with his mentor and the service.",
		"risk_victims": "Members of the public from the communities his earlier posts targeted; people who might act on material he shares. " +
			"No identified individual. Staff are not thought to be at risk of physical harm.",
		"risk_severity": "Material encouraging violence: serious psychological harm to the communities it targets, and a possible contribution to violence by others. " +
			"An attack would be life-threatening, though nothing in his history shows attack planning or an interest in weapons.",
		"risk_warning_signs": "Triggers: rejection or humiliation (a job refused, a relationship ending, feeling disrespected); unstructured evenings alone; contact from old online associates. " +
			"Warning signs: withdrawing from staff and from his gran; talk of \"them\" and \"us\" again; new devices or accounts; poor sleep and more cannabis; missing appointments he usually keeps.",
		"risk_reduction": "Structure from the first week (education or work; the gym induction he asked for). A small, consistent team who say what is shared and why. " +
			"Sleep and trauma-focused work at his pace. Licence conditions on devices, explained openly. His mentor sessions continuing. " +
			"Early sharing between the AP, the COM, CT Policing and the service when warning signs appear.",
		"strengths_goals": "In his words: \"I want a normal boring life. A job, a flat, my gran round for tea.\" " +
			"\"I'm good with my hands, I'd like to do a forklift ticket.\" \"I want people to stop looking at me like I'm a bomb.\"\n\n" +
			"Strengths the team sees: reliable with appointments, honest about his anger, wants to rebuild family contact.",
		"plan": "1. Share this formulation with Nathaniel before release and record his view.\n" +
			"2. Joint risk formulation with CT Policing at the MAPPA level 3 meeting; complete imminence and likelihood there.\n" +
			"3. Weekly sessions at Haworth House for the first eight weeks, then review.\n" +
			"4. Sleep and stabilisation first; trauma-focused work only if he chooses it and is settled.\n" +
			"5. Consultation to AP staff on responding to warning signs without shaming him.",
	}
	nathanielV2 = revise(nathanielV1, map[domain.SectionID]string{
		"presenting": nathanielOffence + "\n\nSince release he has lived at Haworth House Approved Premises, Blackburn. He keeps the curfew and signs in on time. " +
			"He says the first fortnight felt \"like being on a stage\": monitoring and house rules leave him tense, and he has argued twice with another resident. " +
			"No cannabis since release (voluntary tests negative). Nightmares most nights; four to five hours' sleep.",
		"protective": nathanielV1["protective"] + "\n\nSince release: his keyworker, Lorraine Cottam, is someone he says he can \"actually talk to\". " +
			"His gran has visited twice. He has a place on a forklift course.",
		"risk_imminence": "Not imminent now: he is engaged, abstinent, and in daily contact with AP staff. " +
			"The team would expect risk to rise over days rather than hours if several warning signs appeared together, especially after a rejection.",
		"risk_likelihood": "Agreed with CT Policing and the COM: the repeat scenario is possible but not likely while this plan holds; the escalation scenario is unlikely. " +
			"Both would rise with isolation, renewed online contact and cannabis use.",
		"risk_warning_signs": nathanielV1["risk_warning_signs"] + "\n\nSeen since release: he goes quiet and leaves the room when he feels watched; " +
			"after the argument with another resident he stayed in his room for a whole weekend, and AP staff noticed before he said anything.",
		"plan": "1. Weekly sessions at Haworth House (Tuesday mornings, his choice), reviewed at eight weeks.\n" +
			"2. Stabilisation work on sleep and nightmares; he has chosen to start with the nightmares.\n" +
			"3. A three-way meeting with Nathaniel, his keyworker and the COM to agree what is shared, and when, in his words.\n" +
			"4. Risk forum review in four weeks, or sooner if warning signs cluster.\n" +
			"5. Support the forklift course: structure, and an identity apart from the offence.",
	})
	nathanielV3Start = revise(nathanielV2, map[domain.SectionID]string{
		"protective": nathanielV1["protective"] + "\n\nSince release: his keyworker, Lorraine Cottam, is someone he says he can \"actually talk to\". " +
			"He has a place on a forklift course. His gran visits; he asked that she be written about as his gran, \"not a protective factor\".",
	})
	nathanielV3 = revise(nathanielV3Start, map[domain.SectionID]string{
		"strengths_goals": nathanielV1["strengths_goals"] + "\n\nAdded since release: \"Bored in a good way. That's the goal now.\"",
		"plan": "DRAFT, to go through with Nathaniel on Tuesday.\n" +
			"1. Weekly sessions continue to the eight-week review.\n" +
			"2. Begin planning the move on from the AP with the COM: area, type of housing, who he would want near.\n" +
			"3. Nightmares: continue; consider trauma-focused work if he asks for it.\n" +
			"4. ",
	})
)

// Kofi's formulation: version 1 in custody, version 2 just before release.
var (
	kofiV1 = map[domain.SectionID]string{
		"presenting": "Kofi is serving a sentence for grievous bodily harm: in a dispute outside a pub he punched a man and kicked him on the ground, causing a head injury. " +
			"He has two earlier convictions for violence against men he knew, each after drinking and each after feeling \"made a fool of\". " +
			"He has worked with the OPD pathway for three years and calls it \"the first time anyone asked why\".",
		"predisposing": "His mother died when he was 13; he then lived with an uncle who used physical punishment. He learned that showing fear or hurt invited more of it, " +
			"and that standing up for himself with force earned respect from older boys. Excluded from school at 14; drinking from 15. " +
			"Reading is slow and he hides it; no assessment so far.",
		"precipitating": "Each offence followed a public slight (being laughed at, being called out over money), in the evening after several hours' drinking, " +
			"at times when he was in debt or had just been refused contact with his daughter.",
		"perpetuating": "A belief that backing down makes him a target (\"if you let it go once, it never stops\"). Alcohol for low mood and sleep. " +
			"Shame about reading, so forms, benefits and letters feel humiliating. Friends for whom fighting brings status.",
		"protective": "A long, trusting relationship with the OPD pathway. Uses skills from groups on the wing: he walked away from two confrontations this year (the POM agrees). " +
			"A strong wish to be a father to his daughter. A steady work record as a kitchen orderly.",
		"risk_nature": "Repeat: violence towards a man he knows, in a dispute over money or respect, in the evening after drinking, with fists and feet; a weapon to hand could be used. " +
			"Twist: violence towards a new partner's former partner, over contact or jealousy.",
		"risk_victims": "Men he knows; a new partner's former partner. Staff and the public are less likely to be harmed. " +
			"His daughter is not thought at risk of direct harm, but would be harmed by seeing violence.",
		"risk_severity": "Serious physical harm: the index offence caused a head injury, and kicking someone on the ground can kill.",
		"risk_warning_signs": "Triggers: being laughed at or challenged in front of others; money owed, either way; contact with his daughter refused; letters he cannot read. " +
			"Early warning signs: drinking in the daytime; talk of being \"mugged off\"; cancelling appointments by text instead of calling; " +
			"carrying something \"for protection\"; sleeping badly.",
		"risk_reduction": "Alcohol support from the first week. Help with letters and forms, so shame does not build. Structured days (he wants kitchen work). " +
			"A named person to phone when he feels disrespected, and a practised way to leave. OPD-informed work continuing after release. " +
			"Agreed sharing with the COM when warning signs appear.",
		"strengths_goals": "\"I want my daughter to be proud of me, not scared of me.\" \"Get a job in a kitchen, maybe on the boats out of Fleetwood.\" " +
			"\"Learn to read properly. I'm sick of pretending.\"",
		"plan": "1. Read the formulation through with Kofi (done in draft; he asked for \"mugged off\" to stay in).\n" +
			"2. Pre-release planning meeting with the COM, the POM and the OPD pathway: who does what in the first month.\n" +
			"3. Referrals to the Wyre alcohol service and an adult literacy course before release.\n" +
			"4. After release: fortnightly sessions with Dr Ó Dálaigh at the probation office.",
	}
	kofiV2 = revise(kofiV1, map[domain.SectionID]string{
		"presenting": kofiV1["presenting"] + "\n\nRelease to a flat in Fleetwood is days away. He says he is \"excited and bricking it\".",
		"perpetuating": kofiV1["perpetuating"] + " New: he owes money to a man in Fleetwood from before his sentence, " +
			"and expects to be \"called out\" about it.",
		"protective": kofiV1["protective"] + "\n\nSince version 1: he finished the alcohol awareness course on the wing, " +
			"and his daughter's mother has agreed to supervised contact at a family centre.",
		"risk_imminence": "Not imminent in custody. In the first weeks after release it could rise within a day or two if he drinks and meets the man he owes money to; " +
			"that is the time to watch most closely.",
		"risk_likelihood": "The repeat scenario is judged likely to recur if he returns to drinking with his old friends, and unlikely while he is sober, " +
			"busy and in contact with his daughter. The twist scenario is judged less likely; there is no current relationship.",
		"risk_warning_signs": kofiV1["risk_warning_signs"] + " New: talking about the money he owes, or avoiding Fleetwood town centre without saying why.",
		"plan": "1. Release plan agreed at the pre-release meeting: weekly COM appointments, fortnightly sessions with Dr Ó Dálaigh on Thursdays.\n" +
			"2. Alcohol service assessment booked for the first week.\n" +
			"3. Adult literacy course at the college.\n" +
			"4. A plan, written with Kofi, for meeting the man he owes money to: cross the road, go home, ring the service.\n" +
			"5. Risk forum review one month after release.",
	})
)

// Patrick's formulation: version 1 only, with the severity, imminence and likelihood
// left for the MAPPA meeting.
var (
	patrickStart = map[domain.SectionID]string{
		"presenting":   patrickV1["presenting"],
		"predisposing": patrickV1["predisposing"],
	}
	patrickV1 = map[domain.SectionID]string{
		"presenting": "Patrick is serving a sentence for a serious assault on his former partner, including strangulation, after she told him she was leaving. " +
			"A restraining order is in place. There was controlling behaviour in two earlier relationships. " +
			"He has refused or dropped out of services four times, in custody and outside; he says services \"come in, take your story and leave\". " +
			"Release to Cumberland is planned, to a council flat.",
		"predisposing": "Patrick saw his father's violence towards his mother throughout his childhood and was hit himself. " +
			"He has told the prison psychologist about abuse in childhood by an adult outside the family; the detail is in that report and is not repeated here. " +
			"Left home at 16; periods of homelessness; heavy drinking since his teens. Depression diagnosed in his twenties.",
		"precipitating": "Fear of being left: each serious incident followed a partner saying she would leave, or his belief that she would, usually with drink and poor sleep.",
		"perpetuating": "Beliefs that people leave, and that control keeps them (\"if I don't keep hold of things it all goes\"). Jealousy. Alcohol. " +
			"Distrust of services, so help is dropped just when it is most needed. Few friends outside his relationships.",
		"protective": "He came to the third appointment offered, and has come to every one since. Close to his brother in Workington, who will help. " +
			"Worked for years as a roofer and wants to again. Open about his drinking.",
		"risk_nature": "Repeat: controlling behaviour in a new relationship, escalating to serious violence when he believes his partner will leave; strangulation has happened before. " +
			"Twist: harassing his former partner, in breach of the restraining order.",
		"risk_victims": "A future female partner; his former partner; children in the household, through what they see and hear.",
		"risk_warning_signs": "Triggers: a partner seeing friends, going out, or talking of leaving; drinking; losing work. " +
			"Warning signs: checking her phone, asking where she has been, texting many times in an evening; drinking alone; " +
			"talking about his former partner; stopping appointments without saying why.",
		"risk_reduction": "Disclosure arrangements and MAPPA oversight in any new relationship. Alcohol treatment. Work as a roofer. " +
			"A consistent worker who does not close the case when he withdraws, agreed openly with him. The CMHT for his depression. " +
			"Trauma-focused work only when he chooses it and is settled.",
		"strengths_goals": "\"I want to be somebody my brother's kids aren't scared of.\" \"Back on the roofs. I'm good at it.\" \"I don't want to end up like my dad.\"",
		"plan": "1. Keep appointments regular and predictable; if he misses one, write and try again; do not close.\n" +
			"2. Share the formulation with him in two parts, as he asked.\n" +
			"3. MAPPA level 2 meeting: agree severity, imminence and likelihood there with the police and the COM.\n" +
			"4. Referral to the Carlisle CMHT before release; a joint first appointment with Helen Ashcroft.",
	}
)

// Ciarán's formulation: version 1, with what keeps the problems going still to write.
var ciaranV1 = map[domain.SectionID]string{
	"presenting": "Ciarán is serving a sentence for arson, being reckless as to whether life was endangered: after three nights without sleep and heavy drinking " +
		"he set fire to papers in the sink of his flat, and the fire spread to the stairwell. Neighbours were evacuated; one was treated for smoke inhalation. " +
		"He says he wanted \"everything to stop\" and did not think of the neighbours. He is keen to engage.",
	"predisposing": "His mother drank heavily; from the age of nine he looked after his younger brother. Left school at 16. His father died when he was 19. " +
		"Two earlier small fires at times of distress, neither charged. Periods of heavy drinking since his twenties.",
	"precipitating": "A warning letter from his landlord, debt, his phone cut off and his brother not answering: every connection lost in one week, with no sleep and heavy drinking.",
	"protective": "Close to his brother and his niece. Does well in education in custody (Arabic, cookery). Open about the fire and wants to understand it. " +
		"A place at Highfield House Approved Premises is agreed.",
	"risk_nature": "Repeat: setting a fire in his own home when overwhelmed and drunk, to make distress stop, with others in the building put at risk. " +
		"Twist: a fire at the Approved Premises or in shared housing.",
	"risk_victims":  "Neighbours and other residents; AP staff; firefighters; Ciarán himself.",
	"risk_severity": "Potentially life-threatening to several people at once, because of where he lives: shared buildings and stairwells.",
	"risk_warning_signs": "Triggers: letters about money or housing; losing contact with his brother; sleeplessness; drinking alone. " +
		"Warning signs: not answering his phone; disabling smoke alarms (\"it kept going off\"); gathering papers in his room; " +
		"saying he \"can't be bothered with any of it\".",
	"risk_reduction": "Smoke alarms checked and explained to him, not only enforced. A plan for bad nights that he writes himself. Alcohol support. " +
		"Help with letters. Keeping contact with his brother and niece. A sleep plan.",
	"strengths_goals": "\"I want to be the uncle who turns up.\" \"I'd like to cook for a living. Proper food.\" " +
		"\"Keep going with the Arabic, it's the only thing I've ever been good at first time.\"",
	"plan": "1. Fortnightly sessions in custody until release, then weekly at Highfield House.\n" +
		"2. Build the timeline of the fire with him, at his pace.\n" +
		"3. Fire safety: meet the AP's fire safety lead with him in the first week.\n" +
		"4. With RECONNECT, plan the move to Westmorland and Furness after the AP.",
}

// Björn's formulation: a first draft by Beth Armitage, most of it still to write with him.
var (
	bjornStart = map[domain.SectionID]string{
		"presenting": "Working draft after the first meeting. Björn is serving a sentence for a serious assault on a stranger in a dispute late at night. " +
			"In custody there have been assaults on officers during restraint. He says he \"doesn't do professionals\", " +
			"and agreed to meet because the OPD psychologist asked him to.",
	}
	bjornV1 = revise(bjornStart, map[domain.SectionID]string{
		"predisposing": "Much of his childhood was spent in residential care, where he says he was restrained often. " +
			"The rest of his history to be gathered with him, at his pace, not from the files alone.",
		"protective":      "A long and good relationship with Dr Ince (OPD). Works in the prison gardens. Keeps his cell \"spotless\".",
		"strengths_goals": "\"Just want to be left alone to get on with it.\" \"Get out and stay out.\" \"A job outside. Gardens, parks, anything outside.\"",
		"plan": "Second meeting next week, with Dr Ó Dálaigh. Ask Björn which parts of his history he is willing to go over, and which he wants left to the files. " +
			"Review with the OPD pathway.",
	})
)
