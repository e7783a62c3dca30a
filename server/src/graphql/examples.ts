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
`;
