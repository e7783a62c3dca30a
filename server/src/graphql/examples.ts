/** What GraphiQL opens with: a few named operations an analyst can run and adapt. */
export const EXAMPLE_QUERIES = /* GraphQL */ `# Welcome to the clustergraph API. Pick an operation with the ▶ button.
# Every type documents its fields: open the Docs pane on the left.

# Clusters of the North-East region (RO21 includes its counties), with their members.
query ClustersOfARegion {
  clusters(filter: { regionCodes: ["RO21"] }, first: 10) {
    totalCount
    edges {
      node {
        name
        acronym
        declaredMemberCount
        region { code name }
        sectors { name }
        managedBy { name }
        members(first: 5) { totalCount edges { role node { name kind } } }
        labels { level awardedOn issuer }
        sources { document section }
      }
    }
  }
}

# Search names of anything, accents and case ignored.
query Search {
  search(query: "iasi", first: 10) {
    type
    name
    score
    node { id }
  }
}

# A sector's value chain, in order, and who provides each stage.
query ValueChain {
  sectors(filter: { search: "textiles" }) {
    edges {
      node {
        name
        valueChain {
          name kind naceCodes
          providers(first: 5, filter: { regionCodes: ["RO21"] }) {
            totalCount
            edges { via naceCode node { name kind } }
          }
        }
      }
    }
  }
}

# Projects with their programme, coordinator and participants.
query Projects {
  projects(first: 5, orderBy: START_DATE_DESC) {
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        code acronym title startDate endDate
        programme { name }
        coordinator { name }
        participants(first: 10) { edges { role node { name country } } }
      }
    }
  }
}

# The value chain of the North-East's clusters: each stage with its verdict and member providers.
query ValueChainGaps {
  clusters(filter: { regionCodes: ["RO21"] }, first: 5) {
    edges {
      node {
        id name
        valueChain {
          coveredShare providedShare
          chains { sectorName coveredShare stages { stage { name kind } verdict reasons providers(first: 3) { totalCount edges { via naceCode inRegion node { name } } } } }
        }
        valueChainGaps { stage { id name } verdict reasons }
      }
    }
  }
}

# Partners who could fill a cluster's gaps, from outside its region, ranked with the parts of
# their score and why. Paste a cluster's id from the query above as $clusterId.
query PartnerCandidates($clusterId: ID = "Q2x1c3RlcjpjbHVzdGVyOmFzdHJpY28tbmU") {
  partnerCandidates(clusterId: $clusterId, outsideRegion: "RO21", first: 5,
                    weights: { geography: 0.1, cooperation: 0.3 }) {
    stage { stage { name } verdict reasons }
    candidates {
      totalCount
      edges {
        score reason proximity distance membersMet sharedProjects via naceCode
        parts { stageFit geography cooperation experience kindFit availability }
        otherClusters { name competing }
        node { name kind country }
      }
    }
  }
}

# Which other clusters fill this cluster's gaps (and it theirs), shared stages, existing ties, a score.
query Complementarity($clusterId: ID = "Q2x1c3RlcjpjbHVzdGVyOmFzdHJpY28tbmU") {
  complementarity(clusterId: $clusterId, first: 5) {
    other { key name }
    score
    filledByOther { stage { stage { name } verdict } providerKeys }
    fillsOther { stage { stage { name } } providerKeys }
    sharedStageKeys
    sharedProjects
    tiedPairs
  }
}

# A cluster-to-cluster event: 3 slots of 20 minutes, 2 tables; each meeting with its reason,
# and the agenda as CSV and iCalendar. Put the participating clusters' ids in $clusterIds.
query MatchmakingAgenda($clusterIds: [ID!]! = ["Q2x1c3RlcjpjbHVzdGVyOmFzdHJpY28tbmU"]) {
  matchmakingAgenda(clusterIds: $clusterIds, slots: 3, tables: 2, start: "2026-03-10T09:00:00Z", slotMinutes: 20) {
    meetings { slot table a { name } b { name } score reason }
    unmet { name }
    totalScore
    csv
    iCalendar
  }
}

# The regional market of innovation demand and supply: the needs identified in the North-East,
# each with the pilot actions, good practices and capabilities that answer it, the words that
# matched, and where a good practice could transfer from. A need in words works too: text: "...".
query DemandAndSupply {
  demandSupply(regionCode: "RO21", first: 5) {
    need { text kind }
    matches {
      kind name score stated matchedWords transferTo reason
      offer { __typename ... on GoodPractice { key } ... on PilotAction { key } ... on Organisation { key } }
    }
  }
}

# How the organisations located in a region cover the value chains of its clusters' sectors.
query RegionValueChain {
  regionValueChain(code: "RO21") {
    coveredShare providedShare
    chains { sectorName coveredShare stages { stage { name } verdict reasons providers(first: 3) { totalCount } } }
  }
}
`;
