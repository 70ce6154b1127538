import { describe, expect, it } from 'vitest';
import { type CoachInput, judgeNextStep, PLAN_MAX_LENGTH } from '../../../src/domain/coach/index.js';

const judge = (plan: string, rest: Omit<CoachInput, 'plan'> = {}) => judgeNextStep({ plan, ...rest });

describe('refusing vague plans', () => {
  it("refuses 'just checking in' and names the cliché first", () => {
    const { verdict, reasons } = judge('Just checking in');
    expect(verdict).toBe('vague');
    expect(reasons[0]).toMatch(/"just checking in" is a check-in/);
  });

  it.each([
    'Just wanted to touch base and see where things stand',
    'Circling back on my last email',
    'Calling back since you said next month',
    'Any update?',
    'Checking whether you have made up your mind',
    'Hi Tom, I hope you are well! Just following up on my previous email to see if you had a chance to look at the proposal. Let me know your thoughts.',
    'Kindly revert on the proposal at the earliest.',
  ])('refuses a dressed-up cliché: %s', (plan) => {
    expect(judge(plan).verdict).toBe('vague');
  });

  it('refuses typos, shorthand, emoji and shouting of the same clichés', () => {
    for (const plan of [
      'jsut chekcing in 🙂',
      'f/u re pricing',
      'chk in w/ Bob nxt wk',
      'TOUCHIGN BASE!!!',
      'cirlcing back',
    ]) {
      expect(judge(plan).verdict, plan).toBe('vague');
    }
  });

  it('is not fooled by a date, a time or a name on a check-in', () => {
    expect(judge('Call Patrick on 3 April at 9am to check in on the 40 units').verdict).toBe('vague');
  });

  it('does not count material the rep only asks about', () => {
    const { verdict, reasons } = judge('Call to ask if they read the article I sent on Monday');
    expect(verdict).toBe('vague');
    expect(reasons.join(' ')).toMatch(/go through it together/);
  });

  it('does not count value that is denied', () => {
    expect(judge('Nothing new on the product side, just calling to stay in touch').verdict).toBe('vague');
  });

  it('refuses a category picked from the list with no detail, and says what detail is missing', () => {
    const { verdict, reasons, suggestions } = judge('Call next week', { valueReason: 'warranty_expiring' });
    expect(verdict).toBe('vague');
    expect(reasons[0]).toMatch(/"Warranty expiring" is picked/);
    expect(suggestions[0]).toMatch(/which equipment, when its warranty ends/);
  });

  it('asks for the concrete detail when the plan only names the topic', () => {
    const { verdict, suggestions } = judge('f/u re new pricing');
    expect(verdict).toBe('vague');
    expect(suggestions[0]).toMatch(/Make "new pricing" concrete/);
  });
});

describe('accepting plans that carry value', () => {
  it.each([
    'Their Dell R740 warranty expires on 30 June: offer the 3-year extended cover before it lapses.',
    'New VAT rules take effect 1 January; show how the invoicing module handles the new format.',
    'List price on the 24-port switches dropped 12% this month; share the new quote.',
    'Go through the proposal together on Thursday, page by page.',
    'Bring in their CFO to review the 5-year cost comparison.',
    'Our technical advisor suggested two options that should eliminate their slow backup problem.',
    'Send the Forrester report on warehouse automation and discuss the pick-rate section on Tuesday.',
  ])('accepts a compelling reason: %s', (plan) => {
    expect(judge(plan).verdict).toBe('value');
  });

  it('accepts a plan that opens with a cliché and then gives a concrete reason, and suggests leading with it', () => {
    const { verdict, reasons, suggestions } = judge(
      'Just checking in: the warranty on their 12 forklifts ends next month, so offer the extended service plan.',
    );
    expect(verdict).toBe('value');
    expect(reasons[0]).toMatch(/warranty running out/);
    expect(suggestions[0]).toMatch(/Lead with the value and drop "just checking in"/);
  });

  it('accepts terse concrete shorthand', () => {
    expect(judge('chk in re their warranty - expires 3/31 on all 8 printers, offer ext cover').verdict).toBe(
      'value',
    );
    expect(judge('go thru quote line by line w/ Hassan tmrw 2pm').verdict).toBe('value');
  });

  it('accepts a category picked from the list when its detail is written', () => {
    const verdict = judge('Call Greta', {
      valueReason: 'warranty_expiring',
      valueDetail: 'HP DL380 warranty ends 14 June on 6 servers',
    });
    expect(verdict.verdict).toBe('value');
  });

  it('accepts the empathetic, pressure-releasing message the method recommends for a prospect gone dark', () => {
    const plan =
      "Sue, I know we haven't been able to connect and I understand how busy you are. If there's anything you were expecting from me that I didn't deliver, I sincerely apologise.";
    expect(judge(plan, { prospect: { unansweredTouchesInRow: 4 } }).verdict).toBe('value');
  });

  it('accepts a plan that involves another stakeholder by name', () => {
    expect(
      judge("Let Bob know I'm planning to reach out to Sue and Jerry, who are also involved").verdict,
    ).toBe('value');
  });
});

describe('how evidence adds up', () => {
  it('reads a phrase within one sentence only', () => {
    expect(judge('Mention the warranty. It all ends next month.').verdict).toBe('vague');
    expect(judge('Mention the warranty, it ends next month.').verdict).toBe('value');
  });

  it('accepts a topic once a hard detail makes it concrete, but not on a date alone', () => {
    expect(judge('call re their warranty on Tuesday').verdict).toBe('vague');
    expect(judge('call re the warranty on their 8 printers').verdict).toBe('value');
  });

  it('does not count the contact as another stakeholder', () => {
    const plan = 'Invite Sue to look at it';
    expect(judge(plan, { prospect: { contactName: 'Sue Miller' } }).verdict).toBe('vague');
  });
});

describe('real input', () => {
  it('refuses an empty or whitespace-only plan with a clear message', () => {
    for (const plan of ['', '   \n\t']) {
      const { verdict, reasons } = judge(plan);
      expect(verdict).toBe('vague');
      expect(reasons).toEqual([
        'Write what you will bring to the prospect on the next call: the reason that makes it worth their time.',
      ]);
    }
  });

  it('refuses a plan over the length limit and states the limit', () => {
    const plan = `Their warranty ends 30 June. ${'x'.repeat(PLAN_MAX_LENGTH)}`;
    const { verdict, reasons } = judge(plan);
    expect(verdict).toBe('vague');
    expect(reasons[0]).toMatch(new RegExp(`limit is ${PLAN_MAX_LENGTH}`));
  });

  it('judges a plan of exactly the limit on its content', () => {
    const reason = 'Their warranty ends 30 June: offer the extended cover.';
    const plan = `${reason}${' a'.repeat((PLAN_MAX_LENGTH - reason.length) / 2)}`.slice(0, PLAN_MAX_LENGTH);
    expect(plan).toHaveLength(PLAN_MAX_LENGTH);
    expect(judge(plan).verdict).toBe('value');
  });

  it('keeps every reason and suggestion short enough for a Slack field error', () => {
    const verdicts = [
      judge('just checking in', {
        agreedWithProspect: false,
        prospect: {
          contactName: 'Maria Lopez',
          hotButton: 'cutting unscheduled maintenance cost',
          materialSentNotReviewed: true,
          stakeholderCount: 1,
          unansweredTouchesInRow: 5,
          lastOutcome: 'not_ready_yet',
          profileGaps: ['decision_maker', 'purchasing_process', 'budget'],
        },
        valueReason: 'relevant_report',
      }),
      judge('x'.repeat(PLAN_MAX_LENGTH + 1)),
    ];
    for (const line of verdicts.flatMap((verdict) => [...verdict.reasons, ...verdict.suggestions])) {
      expect(line.length, line).toBeLessThanOrEqual(300);
    }
  });

  it('gives the same verdict every time', () => {
    const input = { plan: 'f/u re the warrenty on their 8 printers, ends 31 March' };
    expect(judgeNextStep(input)).toEqual(judgeNextStep(input));
  });
});

describe('the prospect context changes the verdict where the method says so', () => {
  it('accepts one pressure-releasing line for a prospect gone dark, but not for one who still answers', () => {
    const plan = 'Email Sam on Friday to say there is no rush';
    expect(judge(plan, { prospect: { unansweredTouchesInRow: 3 } }).verdict).toBe('value');
    expect(judge(plan, { prospect: { unansweredTouchesInRow: 0 } }).verdict).toBe('vague');
  });

  it('does not let an apology carry a plan that also asks whether they are still interested', () => {
    const plan = 'Sorry to chase, I know how busy you are. Are you still interested?';
    expect(judge(plan, { prospect: { unansweredTouchesInRow: 3 } }).verdict).toBe('vague');
  });

  it('counts reaching out to a named colleague as a new stakeholder when the deal hangs on one contact', () => {
    const plan = 'Reach out to Priya in finance before Friday';
    const prospect = { contactName: 'Tom Baker', stakeholderCount: 1 };
    expect(judge(plan, { prospect }).verdict).toBe('value');
    expect(judge(plan, { prospect: { ...prospect, stakeholderCount: 4 } }).verdict).toBe('vague');
  });

  it('counts the hot button, once the plan names it, as the concrete detail of a topic', () => {
    const plan = 'Share the new reporting module, it speeds up month-end close';
    expect(judge(plan, { prospect: { hotButton: 'month-end close' } }).verdict).toBe('value');
  });
});

describe('topics are not reasons until they say what they bring', () => {
  it('refuses a bare topic however it is announced: a promo, a new product, an article', () => {
    for (const plan of ['remind them about the promo', 'tell them about our new product', 'send an article'])
      expect(judge(plan).verdict).toBe('vague');
  });

  it('accepts the same topics once they carry a consequence for the prospect', () => {
    expect(judge('our new dispatch module cuts their overtime on weekend routes').verdict).toBe('value');
    expect(judge('the promo saves them $2,400 on the three units they quoted').verdict).toBe('value');
  });

  it('accepts an answer to a question they asked', () => {
    expect(judge('She asked whether our LMS plays SCORM 1.2: tested her file, it does').verdict).toBe(
      'value',
    );
  });

  it('reads asking whether they want something as an offer, not a status check', () => {
    expect(judge('Ask Li if she wants the 2-week loaner while her unit is repaired').verdict).toBe('value');
    expect(judge('Ask Li if she has decided').verdict).toBe('vague');
  });
});

describe('weighing how specific a plan is', () => {
  it.each([
    'Let Capt. Morales know we have some exciting new options that could add a lot of value for his fleet.',
    'Highlight the new regulation and what it means for them. Set call.',
    'Invite their ops lead to a meeting to discuss.',
    'Dr. Amari - get back to her on the question she asked on the call.',
  ])(
    'refuses a value word with a generic object and nothing checkable, and says what is missing: %s',
    (plan) => {
      const { verdict, reasons, suggestions } = judge(plan);
      expect(verdict).toBe('vague');
      expect(reasons.join(' ')).toMatch(/generic: say which one, and what changes for them/);
      expect(suggestions.length).toBeGreaterThan(0);
    },
  );

  it.each([
    '- Pinewood Vet\n- their ketamine supplier is backordered till Aug (per Dr. Cho)\n- we have stock, can ship Monday\n- call Cho this am',
    "Telecom: the carrier is retiring Fernwood Clinic's PRI lines in Sept (notice already went out). We can move them to SIP trunks without changing numbers - call office mgr Betty.",
  ])('accepts a dated change on their side in words the value rules do not know: %s', (plan) => {
    const { verdict, reasons } = judge(plan);
    expect(verdict).toBe('value');
    expect(reasons[0]).toMatch(/a change on their side/);
  });

  it('accepts a named rule with an amount as a change on their side', () => {
    expect(
      judge(
        'Fleet fuel: FMCSA short-haul exemption now 150 air-miles / 14h. Our telematics add-on logs it automatically; Carla runs short-haul so email her the 1-pager.',
      ).verdict,
    ).toBe('value');
  });

  it('does not count a quarter as a named thing', () => {
    expect(judge('check in re Q3 renewal').verdict).toBe('vague');
  });

  it.each([
    'cc their IT director on the next follow-up email so there is more pressure on Dana to respond.',
    'Lindqvist team - tell them they have to confirm the Grand Hall today or we release it to someone else.',
  ])('refuses pressure tactics and names the pressure: %s', (plan) => {
    const { verdict, reasons, suggestions } = judge(plan, { prospect: { stakeholderCount: 3 } });
    expect(verdict).toBe('vague');
    expect(reasons.join(' ')).toMatch(/puts pressure on them/);
    expect(suggestions.length).toBeGreaterThan(0);
  });

  it('refuses "should I close your file?" to a prospect gone dark', () => {
    const plan = "Ian - last try: 'Hi Ian, haven't heard back so should I go ahead and close your file?'";
    expect(judge(plan, { prospect: { unansweredTouchesInRow: 5 } }).verdict).toBe('vague');
  });

  it('refuses a status question in formal prose carried only by topics', () => {
    const plan =
      "email the solar lead (Jensen) - 'Checking whether there is any update on your side regarding the lease proposal. We are keen to move forward at your earliest convenience.'";
    expect(judge(plan).verdict).toBe('vague');
  });

  it('does not read a meeting title as a person brought in', () => {
    expect(judge("Mike: send calendar invite for Thurs, 'Catch up', 30 min.").verdict).toBe('vague');
  });
});

describe('news, answers and re-asks read from how the plan is built', () => {
  it.each([
    'We now run a Saturday delivery to the coast. Tell the Brennan café before the summer.',
    'Let Omar know we have it now: the accounting sync was the one thing missing last year.',
  ])('accepts our news told plainly, "we now" doing something we did not: %s', (plan) => {
    const { verdict, reasons } = judge(plan);
    expect(verdict).toBe('value');
    expect(reasons[0]).toMatch(/we now run|we have it now/);
  });

  it('accepts a maker ending parts for what they run, with our answer', () => {
    const plan =
      'Their chillers are the 2014 series and the manufacturer ends spare parts next year. Offer our retrofit kit.';
    const { verdict, reasons } = judge(plan);
    expect(verdict).toBe('value');
    expect(reasons[0]).toMatch(/manufacturer ends spare parts/);
  });

  it('accepts an answer that points back at their must-have', () => {
    const { verdict, reasons } = judge(
      'Tell Jo the barn is licensed for weddings now, that was her must-have.',
    );
    expect(verdict).toBe('value');
    expect(reasons.join(' ')).toMatch(/must-have/);
  });

  it('accepts a slot they wanted, freed up', () => {
    const plan =
      'The Friday slot they wanted is free again after a cancellation; call Ana today to offer it.';
    expect(judge(plan).verdict).toBe('value');
  });

  it('accepts going straight to a named part of material they have not read', () => {
    const plan =
      'He has not read the manual: ask him to open it and go straight to section 4 on the cold-start fault.';
    const { verdict, reasons } = judge(plan);
    expect(verdict).toBe('value');
    expect(reasons[0]).toMatch(/going through the material together/);
  });

  it.each([
    'Send a note with some ideas on how we could improve their packaging costs.',
    'Share a few ways we can help their recruitment drive.',
  ])('refuses "some ways to help" with no way named, and says it is generic: %s', (plan) => {
    const { verdict, reasons, suggestions } = judge(plan);
    expect(verdict).toBe('vague');
    expect(reasons[0]).toMatch(/is generic/);
    expect(suggestions.length).toBeGreaterThan(0);
  });

  it.each([
    'Sorry to bother you again, just wanted to ask again if you found time to read the proposal.',
    'Be empathetic, then ask whether they have made a decision.',
    'I know it is a busy season, no pressure - just a gentle reminder about the quote, would love to hear back.',
  ])('refuses an apology or empathy next to a re-ask, even to a prospect gone dark: %s', (plan) => {
    const { verdict, reasons, suggestions } = judge(plan, { prospect: { unansweredTouchesInRow: 4 } });
    expect(verdict).toBe('vague');
    expect(reasons.length).toBeGreaterThan(0);
    expect(suggestions.join(' ')).toMatch(/release the pressure/);
  });

  it('refuses material whose only content is a greeting', () => {
    const { verdict, reasons } = judge('Send a short personalised video saying hello.');
    expect(verdict).toBe('vague');
    expect(reasons.length).toBeGreaterThan(0);
  });

  it('accepts a dated model that has what they lacked', () => {
    const plan =
      "Lena's crew hated cleaning the old mixer by hand. The 2026 model has a self-clean cycle; invite her to see it at the open day.";
    const { verdict, reasons } = judge(plan);
    expect(verdict).toBe('value');
    expect(reasons[0]).toMatch(/2026 model has/);
  });

  it('reads interest-free terms as a special offer', () => {
    const plan =
      'Yields are up this year and we have 0% over 36 months on the sprayer. Tell Jonas before harvest.';
    const { verdict, reasons } = judge(plan);
    expect(verdict).toBe('value');
    expect(reasons[0]).toMatch(/special offer/);
  });

  it('accepts growth on their side with something for it, but not as an excuse for a check-in', () => {
    expect(
      judge('They just opened a second warehouse in Leeds. Send a quote for racking in the new site only.')
        .verdict,
    ).toBe('value');
    const { verdict, reasons } = judge('They just opened a second warehouse. Check in next week.');
    expect(verdict).toBe('vague');
    expect(reasons.join(' ')).toMatch(/is a check-in/);
  });

  it('reads a meeting "with the two of them" and a specialist of ours as people brought in', () => {
    const plan =
      'Sam says budget sits with finance. Offer to send the payback sheet to Priya and set up 15 min with the two of them.';
    expect(judge(plan).reasons.join(' ')).toMatch(/another stakeholder: "with the two of them"/);
    const { verdict, reasons } = judge('Offer 30 min with our senior energy auditor on their boiler room.');
    expect(verdict).toBe('value');
    expect(reasons[0]).toMatch(/another stakeholder/);
  });
});

describe('words that sound like value but name nothing they can check', () => {
  it.each([
    'Share our best-in-class platform and a tailored roadmap to transform their back office.',
    'Send Priya a note on some compliance stuff that might matter for them.',
    'Mention the new pricing to Oskar, could get him interested again.',
    'Book a slot to present our company and capabilities to the ops team.',
    'Plant visit next week to catch up with the crew.',
  ])('refuses a plan whose only value is jargon, a hedge, ourselves or a social visit: %s', (plan) => {
    const { verdict, reasons } = judge(plan);
    expect(verdict).toBe('vague');
    expect(reasons.join(' ')).toMatch(/names nothing they can check|generic|gives no concrete detail/);
  });

  it('says which hollow words to replace', () => {
    const { reasons } = judge('Mention the new pricing to Oskar, could get him interested again.');
    expect(reasons[0]).toMatch(/"could get" sounds like value but names nothing they can check/);
  });

  it('accepts the same words once something checkable backs them', () => {
    const plan =
      'Our tailored cold-chain kit might suit Oskar: his 3 reefer units fail the 2 °C audit check in March, the kit fixes that for $1,200.';
    expect(judge(plan).verdict).toBe('value');
  });

  it('lets their hot button anchor a hedge', () => {
    const plan = 'Show Lou the rota view, it could end the weekend overtime';
    expect(judge(plan, { prospect: { hotButton: 'weekend overtime' } }).verdict).toBe('value');
  });

  it('does not read a polite "could we" as a hedge', () => {
    const plan =
      'Could we walk through the retrofit quote with Sam Thursday? Their boiler fails the new NOx limit from 1 July.';
    expect(judge(plan).verdict).toBe('value');
  });
});

describe('pressure dressed as a reason', () => {
  it.each([
    'Tell Ravi our rates rise in January so he needs to sign this week.',
    'Need a decision by Friday; remind them the promo ends soon.',
    'Offer them a discount to close this week.',
    'Push her for the signature, our promo ends Friday.',
  ])('refuses our price rise, deadline or discount used as a lever: %s', (plan) => {
    expect(judge(plan).verdict).toBe('vague');
  });

  it('accepts a price change that is backed by something of theirs, even with a date to act by', () => {
    const plan =
      'Their fleet plan renews 30 April at 12% more; our 3-year lock saves them $4,800. Call Jo before then so they can switch.';
    expect(judge(plan).verdict).toBe('value');
  });
});

describe('a need they stated, answered in the plan', () => {
  it('accepts what they told us paired with what we have for it, in words the value rules do not know', () => {
    const plan =
      'Nadia complained the night shift loses labels in the freezer. Our frost-proof label stock is made for that; I will bring a roll Wednesday.';
    const { verdict, reasons } = judge(plan);
    expect(verdict).toBe('value');
    expect(reasons[0]).toMatch(/Answers what they told you: "nadia complained the night shift/);
  });

  it('does not read a stall as a need', () => {
    expect(judge('He said he needs time to think. I will send the brochure again.').verdict).toBe('vague');
  });

  it('does not read asking what they need from us as their need', () => {
    expect(judge('Ask whether there is anything you need from our side so we can close.').verdict).toBe(
      'vague',
    );
  });
});

describe('particulars, hurry and re-asks in new words', () => {
  it('accepts a plan dense with particulars and free of clichés, in words the value rules do not know', () => {
    const plan = 'Walk Ilse thru sheets 4 and 5 of the payback model Tue 9:30, the R-220 line is on tab 5';
    const { verdict } = judge(plan);
    expect(verdict).toBe('value');
  });

  it('does not let particulars carry a check-in', () => {
    expect(judge('Check in with Ilse about PO 4471 and invoice 8812').verdict).toBe('vague');
  });

  it.each([
    'Offer them a better deal so we get it over the line before month end.',
    'Share a case study to create some FOMO, then a hard CTA.',
    'Loop in her boss too, more momentum.',
  ])('refuses hurrying them for our sake: %s', (plan) => {
    expect(judge(plan).verdict).toBe('vague');
  });

  it.each([
    'Ask Ravi whether anything changed since we last spoke; has anything changed on the new kiln?',
    'Email Moira: is this still a priority for you this year?',
    'Send the break-up email to Tariq.',
    'Ask them to let me know either way so I can update my records.',
  ])('refuses re-asking where things stand in new words: %s', (plan) => {
    expect(judge(plan).verdict).toBe('vague');
  });

  it.each([
    'Open a dialogue with Chen on the evolving compliance landscape.',
    'Follow the webinar with a forward-looking conversation about their energy posture.',
    'The new kit would probably help them, mention it at some point.',
  ])('refuses corporate jargon and hedged timing with nothing checkable: %s', (plan) => {
    expect(judge(plan).verdict).toBe('vague');
  });
});
